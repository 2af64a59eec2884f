/* test-inventory.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-test-inventory"

#include "config.h"

#include <string.h>

#include "lento-inventory.h"

#define MAX_JUMP 20.0

static LentoTool *
trainer (const char *id,
         double      diameter)
{
  return lento_tool_new (id, id, LENTO_TOOL_KIND_TRAINER, LENTO_MATERIAL_SILICONE,
                         diameter, 80.0, TRUE);
}

static void
add_tool (LentoInventory *inventory,
          LentoTool      *tool)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lento_inventory_add_tool (inventory, tool, &error));
  g_assert_no_error (error);
  g_object_unref (tool);
}

static void
add_lube (LentoInventory *inventory,
          LentoLube      *lube)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lento_inventory_add_lube (inventory, lube, &error));
  g_assert_no_error (error);
  g_object_unref (lube);
}

static guint
count_issues (GPtrArray      *issues,
              LentoIssueKind  kind)
{
  guint count = 0;

  for (guint i = 0; i < issues->len; i++)
    if (((LentoInventoryIssue *) g_ptr_array_index (issues, i))->kind == kind)
      count++;
  return count;
}

static LentoInventoryIssue *
find_issue (GPtrArray      *issues,
            LentoIssueKind  kind)
{
  for (guint i = 0; i < issues->len; i++)
    if (((LentoInventoryIssue *) g_ptr_array_index (issues, i))->kind == kind)
      return g_ptr_array_index (issues, i);
  return NULL;
}

static void
test_new_destroy (void)
{
  LentoInventory *inventory = lento_inventory_new ();
  LentoTool *tool = trainer ("t", 15.0);
  LentoLube *lube = lento_lube_new ("w", "Water", LENTO_LUBE_KIND_WATER);

  g_assert_cmpuint (g_list_model_get_n_items (lento_inventory_get_tools (inventory)), ==, 0);
  g_assert_finalize_object (inventory);
  g_assert_finalize_object (tool);
  g_assert_finalize_object (lube);
}

static void
test_no_flared_base (void)
{
  g_autoptr(LentoInventory) inventory = lento_inventory_new ();
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GPtrArray) ladder = NULL;
  g_autofree char *reason = NULL;
  LentoInventoryIssue *issue;
  LentoTool *bead;

  add_tool (inventory, trainer ("small", 15.0));
  add_tool (inventory, lento_tool_new ("bead", "Glass bead", LENTO_TOOL_KIND_PLUG,
                                       LENTO_MATERIAL_GLASS, 17.0, 50.0, FALSE));
  add_tool (inventory, trainer ("medium", 18.0));

  /* It is kept, so the person sees it marked, but it is never offered. */
  bead = lento_inventory_find_tool (inventory, "bead");
  g_assert_nonnull (bead);
  g_assert_false (lento_tool_is_usable (bead, &reason));
  g_assert_nonnull (strstr (reason, "Glass bead"));
  g_assert_nonnull (strstr (reason, "flared base"));

  ladder = lento_inventory_dup_ladder (inventory);
  g_assert_cmpuint (ladder->len, ==, 2);
  g_assert_cmpstr (lento_tool_get_id (g_ptr_array_index (ladder, 0)), ==, "small");
  g_assert_cmpstr (lento_tool_get_id (g_ptr_array_index (ladder, 1)), ==, "medium");

  issues = lento_inventory_check (inventory, MAX_JUMP);
  issue = find_issue (issues, LENTO_ISSUE_NO_FLARED_BASE);
  g_assert_nonnull (issue);
  g_assert_cmpint (issue->severity, ==, LENTO_ISSUE_SEVERITY_BLOCKED);
  g_assert_cmpstr (issue->tool_id, ==, "bead");
  g_assert_cmpstr (issue->reason, ==, reason);
}

/* Whether a tool has a flared base is the person's answer. A tool that
 * never answered (written before the question, or by hand) is not safe,
 * exactly as one without a base, and stays unanswered when written back;
 * answers already given keep their true and false.
 */
static void
test_flared_base_unanswered (void)
{
  g_autoptr(JsonNode) node = json_from_string (
    "{ \"tools\": [ "
    "{ \"id\": \"never\", \"name\": \"Old plug\", \"kind\": \"plug\", "
    "\"material\": \"glass\", \"diameter_mm\": 20 }, "
    "{ \"id\": \"yes\", \"name\": \"Trainer\", \"kind\": \"trainer\", "
    "\"material\": \"silicone\", \"diameter_mm\": 18, \"flared_base\": true }, "
    "{ \"id\": \"no\", \"name\": \"Bead\", \"kind\": \"plug\", "
    "\"material\": \"glass\", \"diameter_mm\": 16, \"flared_base\": false } ] }", NULL);
  g_autoptr(LentoInventory) inventory = NULL;
  g_autoptr(JsonObject) written = NULL;
  g_autoptr(GPtrArray) ladder = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  JsonArray *tools;
  LentoTool *never;

  inventory = lento_inventory_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);
  never = lento_inventory_find_tool (inventory, "never");
  g_assert_nonnull (never);
  g_assert_cmpint (lento_tool_get_flared_base_answer (never), ==, LENTO_FLARED_BASE_UNKNOWN);
  g_assert_cmpint (lento_tool_get_flared_base_answer (lento_inventory_find_tool (inventory, "yes")),
                   ==, LENTO_FLARED_BASE_YES);
  g_assert_cmpint (lento_tool_get_flared_base_answer (lento_inventory_find_tool (inventory, "no")),
                   ==, LENTO_FLARED_BASE_NO);
  g_assert_false (lento_tool_get_flared_base (never));
  g_assert_false (lento_tool_is_usable (never, &reason));
  g_assert_nonnull (strstr (reason, "Old plug"));
  g_assert_nonnull (strstr (reason, "flared base"));

  ladder = lento_inventory_dup_ladder (inventory);
  g_assert_cmpuint (ladder->len, ==, 1);
  g_assert_cmpstr (lento_tool_get_id (g_ptr_array_index (ladder, 0)), ==, "yes");
  issues = lento_inventory_check (inventory, MAX_JUMP);
  g_assert_cmpuint (count_issues (issues, LENTO_ISSUE_NO_FLARED_BASE), ==, 2);

  written = lento_inventory_to_json (inventory);
  tools = json_object_get_array_member (written, "tools");
  g_assert_false (json_object_has_member (json_array_get_object_element (tools, 0),
                                          "flared_base"));
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (tools, 1),
                                                 "flared_base"));
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (tools, 2),
                                                  "flared_base"));

  /* Answered, it is safe like any other, and written so. */
  lento_tool_set_flared_base_answer (never, LENTO_FLARED_BASE_YES);
  g_assert_true (lento_tool_is_usable (never, NULL));
  g_clear_pointer (&written, json_object_unref);
  written = lento_inventory_to_json (inventory);
  tools = json_object_get_array_member (written, "tools");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (tools, 0),
                                                 "flared_base"));
}

/* An answer this version cannot read counts as none, and is written back. */
static void
test_flared_base_unreadable_kept (void)
{
  g_autoptr(JsonNode) node = json_from_string (
    "{ \"tools\": [ { \"id\": \"a\", \"name\": \"Plug\", \"kind\": \"plug\", "
    "\"material\": \"glass\", \"diameter_mm\": 20, \"flared_base\": \"unsure\" } ] }",
    NULL);
  g_autoptr(LentoInventory) inventory = NULL;
  g_autoptr(JsonObject) written = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *tool;

  inventory = lento_inventory_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);
  g_assert_cmpint (lento_tool_get_flared_base_answer (lento_inventory_find_tool (inventory, "a")),
                   ==, LENTO_FLARED_BASE_UNKNOWN);
  written = lento_inventory_to_json (inventory);
  tool = json_array_get_object_element (json_object_get_array_member (written, "tools"), 0);
  g_assert_cmpstr (json_object_get_string_member (tool, "flared_base"), ==, "unsure");
}

static void
test_fingers_exempt (void)
{
  g_autoptr(LentoInventory) inventory = lento_inventory_new ();
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GPtrArray) fingers = NULL;
  g_autoptr(GPtrArray) ladder = NULL;

  g_assert_cmpuint (lento_inventory_add_finger_presets (inventory), ==, 2);
  g_assert_cmpuint (lento_inventory_add_finger_presets (inventory), ==, 0);

  fingers = lento_inventory_dup_fingers (inventory);
  g_assert_cmpuint (fingers->len, ==, 2);
  g_assert_cmpstr (lento_tool_get_id (g_ptr_array_index (fingers, 0)), ==, "finger-little");
  g_assert_false (lento_tool_get_flared_base (g_ptr_array_index (fingers, 0)));
  g_assert_true (lento_tool_is_usable (g_ptr_array_index (fingers, 0), NULL));
  g_assert_cmpint (lento_tool_get_material (g_ptr_array_index (fingers, 1)), ==,
                   LENTO_MATERIAL_SKIN);
  g_assert_cmpfloat (lento_tool_get_diameter (g_ptr_array_index (fingers, 0)), <,
                     lento_tool_get_diameter (g_ptr_array_index (fingers, 1)));

  /* Fingers are not sizes of the ladder, and no check marks them. */
  ladder = lento_inventory_dup_ladder (inventory);
  g_assert_cmpuint (ladder->len, ==, 0);
  issues = lento_inventory_check (inventory, MAX_JUMP);
  g_assert_cmpuint (issues->len, ==, 0);
}

static void
test_silicone_on_silicone (void)
{
  g_autoptr(LentoTool) silicone = trainer ("soft", 15.0);
  g_autoptr(LentoTool) glass = lento_tool_new ("glass", "Glass", LENTO_TOOL_KIND_PLUG,
                                               LENTO_MATERIAL_GLASS, 18.0, 60.0, TRUE);
  g_autoptr(LentoLube) silicone_lube = lento_lube_new ("slick", "Slick",
                                                        LENTO_LUBE_KIND_SILICONE);
  g_autoptr(LentoLube) water = lento_lube_new ("aqua", "Aqua", LENTO_LUBE_KIND_WATER);
  g_autoptr(GPtrArray) warned = lento_inventory_check_pair (silicone, silicone_lube);
  g_autoptr(GPtrArray) fine_water = lento_inventory_check_pair (silicone, water);
  g_autoptr(GPtrArray) fine_glass = lento_inventory_check_pair (glass, silicone_lube);
  g_autoptr(LentoInventory) inventory = lento_inventory_new ();
  g_autoptr(GPtrArray) issues = NULL;
  LentoInventoryIssue *issue;

  g_assert_cmpuint (warned->len, ==, 1);
  issue = g_ptr_array_index (warned, 0);
  g_assert_cmpint (issue->kind, ==, LENTO_ISSUE_SILICONE_ON_SILICONE);
  g_assert_cmpint (issue->severity, ==, LENTO_ISSUE_SEVERITY_WARNING);
  g_assert_cmpstr (issue->tool_id, ==, "soft");
  g_assert_cmpstr (issue->lube_id, ==, "slick");
  g_assert_nonnull (strstr (issue->reason, "water-based"));
  g_assert_cmpuint (fine_water->len, ==, 0);
  g_assert_cmpuint (fine_glass->len, ==, 0);

  /* The whole inventory names each silicone pair once. */
  add_tool (inventory, g_object_ref (silicone));
  add_tool (inventory, g_object_ref (glass));
  add_lube (inventory, g_object_ref (silicone_lube));
  add_lube (inventory, g_object_ref (water));
  issues = lento_inventory_check (inventory, MAX_JUMP);
  g_assert_cmpuint (count_issues (issues, LENTO_ISSUE_SILICONE_ON_SILICONE), ==, 1);
  /* A single pair keeps the sentence that names both. */
  g_assert_cmpstr (find_issue (issues, LENTO_ISSUE_SILICONE_ON_SILICONE)->reason, ==,
                   issue->reason);
}

/* A set of silicone trainers with a silicone lubricant is one finding for the
 * whole inventory, with the number of tools, not one for every trainer; a
 * second silicone lubricant does not make it two.
 */
static void
test_silicone_said_once (void)
{
  g_autoptr(LentoInventory) inventory = lento_inventory_new ();
  g_autoptr(GPtrArray) trainers = lento_inventory_dup_trainer_set_preset ();
  g_autoptr(GPtrArray) issues = NULL;
  LentoInventoryIssue *issue;

  for (guint i = 0; i < trainers->len; i++)
    {
      lento_tool_set_confirmed (g_ptr_array_index (trainers, i), TRUE);
      add_tool (inventory, g_object_ref (g_ptr_array_index (trainers, i)));
    }
  /* A silicone tool the plan never offers is not counted. */
  add_tool (inventory, lento_tool_new ("bead", "Bead", LENTO_TOOL_KIND_PLUG,
                                       LENTO_MATERIAL_SILICONE, 17.0, 50.0, FALSE));
  add_lube (inventory, lento_lube_new ("slick", "Slick", LENTO_LUBE_KIND_SILICONE));
  add_lube (inventory, lento_lube_new ("aqua", "Aqua", LENTO_LUBE_KIND_WATER));

  issues = lento_inventory_check (inventory, MAX_JUMP);
  g_assert_cmpuint (count_issues (issues, LENTO_ISSUE_SILICONE_ON_SILICONE), ==, 1);
  issue = find_issue (issues, LENTO_ISSUE_SILICONE_ON_SILICONE);
  g_assert_cmpint (issue->severity, ==, LENTO_ISSUE_SEVERITY_WARNING);
  g_assert_null (issue->tool_id);
  g_assert_cmpstr (issue->lube_id, ==, "slick");
  g_assert_nonnull (strstr (issue->reason, "“Slick”"));
  g_assert_nonnull (strstr (issue->reason, "5 of your tools are made of silicone"));
  g_clear_pointer (&issues, g_ptr_array_unref);

  add_lube (inventory, lento_lube_new ("silk", "Silk", LENTO_LUBE_KIND_SILICONE));
  issues = lento_inventory_check (inventory, MAX_JUMP);
  g_assert_cmpuint (count_issues (issues, LENTO_ISSUE_SILICONE_ON_SILICONE), ==, 1);
  issue = find_issue (issues, LENTO_ISSUE_SILICONE_ON_SILICONE);
  g_assert_null (issue->lube_id);
  g_assert_nonnull (strstr (issue->reason, "Some of your lubricants are silicone-based"));
  g_assert_nonnull (strstr (issue->reason, "5 of your tools"));
}

static void
test_numbing_refused (void)
{
  g_autoptr(LentoInventory) inventory = lento_inventory_new ();
  g_autoptr(LentoLube) numbing = lento_lube_new ("numb", "Relax gel", LENTO_LUBE_KIND_NUMBING);
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  g_assert_false (lento_lube_is_usable (numbing, &reason));
  g_assert_false (lento_inventory_add_lube (inventory, numbing, &error));
  g_assert_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, reason);
  g_assert_nonnull (strstr (reason, "Relax gel"));
  g_assert_nonnull (strstr (reason, "Pain is the signal to stop"));
  g_assert_cmpuint (g_list_model_get_n_items (lento_inventory_get_lubes (inventory)), ==, 0);
  g_assert_false (lento_inventory_has_usable_lube (inventory));
}

/* A lubricant is edited in place: the same object with its id and whatever
 * a newer Lento stored with it. An edit cannot make it a numbing product, and
 * an edit of a lubricant no longer there says so.
 */
static void
test_edit_lube (void)
{
  const char *json = "{ \"lubes\": [ { \"id\": \"w\", \"name\": \"Water\", "
                     "\"kind\": \"water\", \"colour\": \"blue\" } ] }";
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoInventory) inventory = lento_inventory_new_from_json (json_node_get_object (node),
                                                                      &error);
  g_autoptr(JsonObject) saved = NULL;
  g_autofree char *reason = NULL;
  LentoLube *lube;
  JsonObject *member;

  g_assert_no_error (error);
  lube = lento_inventory_find_lube (inventory, "w");
  g_assert_nonnull (lube);

  g_assert_true (lento_inventory_edit_lube (inventory, "w", "Slick & Co", LENTO_LUBE_KIND_HYBRID,
                                            &error));
  g_assert_no_error (error);
  g_assert_true (lento_inventory_find_lube (inventory, "w") == lube);
  g_assert_cmpstr (lento_lube_get_name (lube), ==, "Slick & Co");
  g_assert_cmpint (lento_lube_get_kind (lube), ==, LENTO_LUBE_KIND_HYBRID);

  saved = lento_inventory_to_json (inventory);
  member = json_array_get_object_element (json_object_get_array_member (saved, "lubes"), 0);
  g_assert_cmpstr (json_object_get_string_member (member, "id"), ==, "w");
  g_assert_cmpstr (json_object_get_string_member (member, "name"), ==, "Slick & Co");
  g_assert_cmpstr (json_object_get_string_member (member, "kind"), ==, "hybrid");
  g_assert_cmpstr (json_object_get_string_member (member, "colour"), ==, "blue");

  g_assert_false (lento_inventory_edit_lube (inventory, "w", "Relax gel", LENTO_LUBE_KIND_NUMBING,
                                             &error));
  g_assert_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "Relax gel"));
  g_assert_nonnull (strstr (error->message, "Pain is the signal to stop"));
  g_assert_cmpstr (lento_lube_get_name (lube), ==, "Slick & Co");
  g_assert_cmpint (lento_lube_get_kind (lube), ==, LENTO_LUBE_KIND_HYBRID);
  g_assert_true (lento_lube_is_usable (lube, &reason));
  g_clear_error (&error);

  g_assert_true (lento_inventory_remove_lube (inventory, "w"));
  g_assert_false (lento_inventory_edit_lube (inventory, "w", "Water", LENTO_LUBE_KIND_WATER,
                                             &error));
  g_assert_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Water"));
}

/* A numbing product saved by some other means is kept, never used, and marked. */
static void
test_numbing_from_json (void)
{
  const char *json = "{ \"lubes\": [ { \"id\": \"numb\", \"name\": \"Relax gel\", "
                     "\"kind\": \"numbing\" } ] }";
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoInventory) inventory = lento_inventory_new_from_json (json_node_get_object (node),
                                                                       &error);
  g_autoptr(GPtrArray) issues = NULL;
  LentoInventoryIssue *issue;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lento_inventory_get_lubes (inventory)), ==, 1);
  g_assert_false (lento_inventory_has_usable_lube (inventory));
  issues = lento_inventory_check (inventory, MAX_JUMP);
  issue = find_issue (issues, LENTO_ISSUE_NUMBING);
  g_assert_nonnull (issue);
  g_assert_cmpint (issue->severity, ==, LENTO_ISSUE_SEVERITY_BLOCKED);
  g_assert_cmpstr (issue->lube_id, ==, "numb");
}

static void
test_oil_note (void)
{
  g_autoptr(LentoInventory) inventory = lento_inventory_new ();
  g_autoptr(GPtrArray) issues = NULL;
  LentoInventoryIssue *issue;

  add_lube (inventory, lento_lube_new ("oil", "Coconut oil", LENTO_LUBE_KIND_OIL));
  add_lube (inventory, lento_lube_new ("mix", "Hybrid", LENTO_LUBE_KIND_HYBRID));
  g_assert_true (lento_inventory_has_usable_lube (inventory));

  issues = lento_inventory_check (inventory, MAX_JUMP);
  g_assert_cmpuint (issues->len, ==, 1);
  issue = find_issue (issues, LENTO_ISSUE_OIL_AND_LATEX);
  g_assert_nonnull (issue);
  g_assert_cmpint (issue->severity, ==, LENTO_ISSUE_SEVERITY_NOTE);
  g_assert_nonnull (strstr (issue->reason, "latex"));
}

typedef struct {
  const char *name;
  double      smaller;
  double      larger;
  gboolean    suggested;
  double      suggestion;
} JumpCase;

static const JumpCase jump_cases[] = {
  { "below", 15.0, 17.0, FALSE, 0.0 },
  { "at-threshold", 15.0, 18.0, FALSE, 0.0 },
  { "just-above", 15.0, 18.1, TRUE, 18.0 },
  { "large", 20.0, 30.0, TRUE, 24.0 },
  { "half-millimetre", 12.5, 20.0, TRUE, 15.0 },
};

static void
test_ladder_jump (gconstpointer data)
{
  const JumpCase *test = data;
  g_autoptr(LentoInventory) inventory = lento_inventory_new ();
  g_autoptr(GPtrArray) issues = NULL;
  LentoInventoryIssue *issue;

  add_tool (inventory, trainer ("larger", test->larger));
  add_tool (inventory, trainer ("smaller", test->smaller));
  issues = lento_inventory_check (inventory, MAX_JUMP);
  issue = find_issue (issues, LENTO_ISSUE_LADDER_JUMP);

  if (!test->suggested)
    {
      g_assert_null (issue);
      return;
    }

  g_assert_nonnull (issue);
  g_assert_cmpstr (issue->tool_id, ==, "smaller");
  g_assert_cmpstr (issue->other_tool_id, ==, "larger");
  g_assert_cmpfloat_with_epsilon (issue->suggested_diameter, test->suggestion, 1e-9);
  g_assert_nonnull (strstr (issue->reason, "in between"));
}

/* Not yet measured tools are never offered; nor do they count as ladder steps. */
static void
test_trainer_set_preset (void)
{
  g_autoptr(LentoInventory) inventory = lento_inventory_new ();
  g_autoptr(GPtrArray) preset = lento_inventory_dup_trainer_set_preset ();
  g_autoptr(GPtrArray) ladder = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autofree char *reason = NULL;

  g_assert_cmpuint (preset->len, >=, 3);
  for (guint i = 0; i < preset->len; i++)
    {
      LentoTool *tool = g_ptr_array_index (preset, i);

      g_assert_false (lento_tool_get_confirmed (tool));
      g_assert_true (lento_tool_get_flared_base (tool));
      add_tool (inventory, g_object_ref (tool));
    }

  g_assert_false (lento_tool_is_usable (g_ptr_array_index (preset, 0), &reason));
  g_assert_nonnull (strstr (reason, "confirm"));
  ladder = lento_inventory_dup_ladder (inventory);
  g_assert_cmpuint (ladder->len, ==, 0);
  g_clear_pointer (&ladder, g_ptr_array_unref);

  /* The person measures and confirms: every step of the preset stays within 20%. */
  for (guint i = 0; i < preset->len; i++)
    lento_tool_set_confirmed (g_ptr_array_index (preset, i), TRUE);
  ladder = lento_inventory_dup_ladder (inventory);
  g_assert_cmpuint (ladder->len, ==, preset->len);
  issues = lento_inventory_check (inventory, MAX_JUMP);
  g_assert_cmpuint (issues->len, ==, 0);
}

static void
test_json_round_trip (void)
{
  g_autoptr(LentoInventory) inventory = lento_inventory_new ();
  g_autoptr(LentoInventory) copy = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) node_again = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GError) error = NULL;
  LentoTool *tool;
  LentoLube *lube;

  lento_inventory_add_finger_presets (inventory);
  add_tool (inventory, lento_tool_new ("steel", "Steel plug", LENTO_TOOL_KIND_PLUG,
                                       LENTO_MATERIAL_STEEL, 22.5, 65.0, TRUE));
  add_lube (inventory, lento_lube_new ("aqua", "Aqua", LENTO_LUBE_KIND_WATER));

  object = lento_inventory_to_json (inventory);
  /* Something a newer Lento wrote must survive a round trip. */
  json_object_set_string_member (object, "future", "kept");
  json_object_set_int_member (json_array_get_object_element (
                                json_object_get_array_member (object, "tools"), 2),
                              "colour", 3);

  copy = lento_inventory_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lento_inventory_get_tools (copy)), ==, 3);
  tool = lento_inventory_find_tool (copy, "steel");
  g_assert_nonnull (tool);
  g_assert_cmpstr (lento_tool_get_name (tool), ==, "Steel plug");
  g_assert_cmpint (lento_tool_get_kind (tool), ==, LENTO_TOOL_KIND_PLUG);
  g_assert_cmpint (lento_tool_get_material (tool), ==, LENTO_MATERIAL_STEEL);
  g_assert_cmpfloat_with_epsilon (lento_tool_get_diameter (tool), 22.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (lento_tool_get_length (tool), 65.0, 1e-9);
  g_assert_true (lento_tool_get_flared_base (tool));
  lube = lento_inventory_find_lube (copy, "aqua");
  g_assert_nonnull (lube);
  g_assert_cmpint (lento_lube_get_kind (lube), ==, LENTO_LUBE_KIND_WATER);

  again = lento_inventory_to_json (copy);
  json_node_set_object (node, object);
  json_node_set_object (node_again, again);
  g_assert_true (json_node_equal (node, node_again));
}

typedef struct {
  const char *name;
  const char *json;
  int         code;
} BadJsonCase;

static const BadJsonCase bad_json_cases[] = {
  { "tools-not-a-list", "{ \"tools\": 3 }", LENTO_INVENTORY_ERROR_INVALID },
  { "no-diameter", "{ \"tools\": [ { \"id\": \"a\", \"name\": \"A\", \"kind\": \"plug\", "
    "\"material\": \"glass\" } ] }", LENTO_INVENTORY_ERROR_INVALID },
  { "huge-diameter", "{ \"tools\": [ { \"id\": \"a\", \"name\": \"A\", \"kind\": \"plug\", "
    "\"material\": \"glass\", \"diameter_mm\": 1e9 } ] }", LENTO_INVENTORY_ERROR_INVALID },
  { "unknown-kind", "{ \"tools\": [ { \"id\": \"a\", \"name\": \"A\", \"kind\": \"spoon\", "
    "\"material\": \"glass\", \"diameter_mm\": 10 } ] }", LENTO_INVENTORY_ERROR_INVALID },
  { "unknown-lube", "{ \"lubes\": [ { \"id\": \"a\", \"name\": \"A\", \"kind\": \"butter\" } ] }",
    LENTO_INVENTORY_ERROR_INVALID },
  { "duplicate-id", "{ \"lubes\": [ { \"id\": \"a\", \"name\": \"A\", \"kind\": \"water\" }, "
    "{ \"id\": \"a\", \"name\": \"B\", \"kind\": \"water\" } ] }",
    LENTO_INVENTORY_ERROR_DUPLICATE },
};

static void
test_bad_json (gconstpointer data)
{
  const BadJsonCase *test = data;
  g_autoptr(JsonNode) node = json_from_string (test->json, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoInventory) inventory = NULL;

  g_assert_nonnull (node);
  inventory = lento_inventory_new_from_json (json_node_get_object (node), &error);
  g_assert_null (inventory);
  g_assert_error (error, LENTO_INVENTORY_ERROR, test->code);
}

static void
test_duplicate_add (void)
{
  g_autoptr(LentoInventory) inventory = lento_inventory_new ();
  g_autoptr(LentoTool) again = trainer ("t", 20.0);
  g_autoptr(LentoTool) unmeasured = trainer ("u", 0.0);
  g_autoptr(GError) error = NULL;

  add_tool (inventory, trainer ("t", 15.0));
  g_assert_false (lento_inventory_add_tool (inventory, again, &error));
  g_assert_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_DUPLICATE);
  g_clear_error (&error);

  g_assert_false (lento_inventory_add_tool (inventory, unmeasured, &error));
  g_assert_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_INVALID);

  g_assert_true (lento_inventory_remove_tool (inventory, "t"));
  g_assert_false (lento_inventory_remove_tool (inventory, "t"));
  g_assert_cmpuint (g_list_model_get_n_items (lento_inventory_get_tools (inventory)), ==, 0);
}

/* A removed tool or lubricant goes back where it was, with the same checks
 * as adding: no duplicate, no numbing product.
 */
static void
test_insert_where_it_was (void)
{
  g_autoptr(LentoInventory) inventory = lento_inventory_new ();
  g_autoptr(LentoTool) middle = trainer ("m", 18.0);
  g_autoptr(LentoTool) again = trainer ("m", 18.0);
  g_autoptr(LentoLube) numbing = lento_lube_new ("n", "Numb", LENTO_LUBE_KIND_NUMBING);
  g_autoptr(LentoLube) water = lento_lube_new ("w", "Water", LENTO_LUBE_KIND_WATER);
  g_autoptr(GError) error = NULL;
  GListModel *tools = lento_inventory_get_tools (inventory);
  g_autoptr(LentoTool) second = NULL;

  add_tool (inventory, trainer ("a", 15.0));
  g_assert_true (lento_inventory_add_tool (inventory, middle, NULL));
  add_tool (inventory, trainer ("z", 21.0));
  g_assert_true (lento_inventory_remove_tool (inventory, "m"));

  g_assert_true (lento_inventory_insert_tool (inventory, 1, middle, &error));
  g_assert_no_error (error);
  second = g_list_model_get_item (tools, 1);
  g_assert_true (second == middle);
  g_assert_false (lento_inventory_insert_tool (inventory, 0, again, &error));
  g_assert_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_DUPLICATE);
  g_clear_error (&error);

  g_assert_false (lento_inventory_insert_lube (inventory, 0, numbing, &error));
  g_assert_error (error, LENTO_INVENTORY_ERROR, LENTO_INVENTORY_ERROR_REFUSED);
  g_clear_error (&error);
  /* Past the end is the end. */
  g_assert_true (lento_inventory_insert_lube (inventory, 7, water, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lento_inventory_get_lubes (inventory)), ==, 1);
}

/* LentoInventory::changed, the one signal the store saves on: once for each
 * change, whichever way it was made, and never for what changed nothing.
 */

static const char *changed_json =
  "{ \"tools\": [ { \"id\": \"t\", \"name\": \"Trainer\", \"kind\": \"trainer\", "
  "\"material\": \"silicone\", \"diameter_mm\": 15, \"flared_base\": true } ], "
  "\"lubes\": [ { \"id\": \"w\", \"name\": \"Water\", \"kind\": \"water\" } ] }";

static void
change_add_tool (LentoInventory *inventory)
{
  add_tool (inventory, trainer ("u", 18.0));
}

static void
change_add_lube (LentoInventory *inventory)
{
  add_lube (inventory, lento_lube_new ("s", "Silky", LENTO_LUBE_KIND_SILICONE));
}

static void
change_remove_tool (LentoInventory *inventory)
{
  g_assert_true (lento_inventory_remove_tool (inventory, "t"));
}

static void
change_remove_lube (LentoInventory *inventory)
{
  g_assert_true (lento_inventory_remove_lube (inventory, "w"));
}

static void
change_rename_tool (LentoInventory *inventory)
{
  lento_tool_set_name (lento_inventory_find_tool (inventory, "t"), "Blue trainer");
}

static void
change_resize_tool (LentoInventory *inventory)
{
  lento_tool_set_diameter (lento_inventory_find_tool (inventory, "t"), 16.5);
}

static void
change_unconfirm_tool (LentoInventory *inventory)
{
  lento_tool_set_confirmed (lento_inventory_find_tool (inventory, "t"), FALSE);
}

static void
change_resize_tool_property (LentoInventory *inventory)
{
  g_object_set (lento_inventory_find_tool (inventory, "t"), "diameter", 16.5, NULL);
}

static void
change_nothing_new (LentoInventory *inventory)
{
  LentoTool *tool = lento_inventory_find_tool (inventory, "t");

  lento_tool_set_name (tool, "Trainer");
  lento_tool_set_diameter (tool, 15.0);
  lento_tool_set_confirmed (tool, TRUE);
  g_object_set (tool, "diameter", 15.0, NULL);
}

static void
change_refused (LentoInventory *inventory)
{
  g_autoptr(LentoTool) again = trainer ("t", 20.0);
  g_autoptr(LentoLube) numbing = lento_lube_new ("n", "Numb", LENTO_LUBE_KIND_NUMBING);

  g_assert_false (lento_inventory_add_tool (inventory, again, NULL));
  g_assert_false (lento_inventory_add_lube (inventory, numbing, NULL));
  g_assert_false (lento_inventory_remove_tool (inventory, "none"));
  g_assert_false (lento_inventory_remove_lube (inventory, "none"));
  /* Not in this inventory: its edits are no change of it. */
  lento_tool_set_diameter (again, 21.0);
}

static void
change_finger_presets (LentoInventory *inventory)
{
  g_assert_cmpuint (lento_inventory_add_finger_presets (inventory), ==, 2);
  g_assert_cmpuint (lento_inventory_add_finger_presets (inventory), ==, 0);
}

static void
change_edit_added_tool (LentoInventory *inventory)
{
  add_tool (inventory, trainer ("u", 18.0));
  lento_tool_set_diameter (lento_inventory_find_tool (inventory, "u"), 18.5);
}

static void
change_edit_removed_tool (LentoInventory *inventory)
{
  g_autoptr(LentoTool) tool = g_object_ref (lento_inventory_find_tool (inventory, "t"));

  g_assert_true (lento_inventory_remove_tool (inventory, "t"));
  lento_tool_set_diameter (tool, 16.5);
}

static void
change_edit_lube (LentoInventory *inventory)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lento_inventory_edit_lube (inventory, "w", "Silky", LENTO_LUBE_KIND_SILICONE,
                                            &error));
  g_assert_no_error (error);
}

static void
change_edit_lube_same (LentoInventory *inventory)
{
  g_assert_true (lento_inventory_edit_lube (inventory, "w", "Water", LENTO_LUBE_KIND_WATER,
                                            NULL));
}

static void
change_edit_lube_refused (LentoInventory *inventory)
{
  g_assert_false (lento_inventory_edit_lube (inventory, "w", "Numb", LENTO_LUBE_KIND_NUMBING,
                                             NULL));
  g_assert_false (lento_inventory_edit_lube (inventory, "none", "Water", LENTO_LUBE_KIND_WATER,
                                             NULL));
}

typedef struct {
  const char *name;
  void      (*change) (LentoInventory *inventory);
  guint       expected;
} ChangedCase;

static const ChangedCase changed_cases[] = {
  { "add-tool", change_add_tool, 1 },
  { "add-lube", change_add_lube, 1 },
  { "remove-tool", change_remove_tool, 1 },
  { "remove-lube", change_remove_lube, 1 },
  { "rename-tool", change_rename_tool, 1 },
  { "resize-tool", change_resize_tool, 1 },
  { "unconfirm-tool", change_unconfirm_tool, 1 },
  { "resize-tool-by-property", change_resize_tool_property, 1 },
  { "nothing-new", change_nothing_new, 0 },
  { "refused", change_refused, 0 },
  { "finger-presets", change_finger_presets, 2 },
  { "edit-added-tool", change_edit_added_tool, 2 },
  { "edit-removed-tool", change_edit_removed_tool, 1 },
  { "edit-lube", change_edit_lube, 1 },
  { "edit-lube-same", change_edit_lube_same, 0 },
  { "edit-lube-refused", change_edit_lube_refused, 0 },
};

static void
count_changed_cb (LentoInventory *inventory,
                  guint          *count)
{
  (*count)++;
}

static void
test_changed (gconstpointer data)
{
  const ChangedCase *test = data;
  g_autoptr(JsonNode) node = json_from_string (changed_json, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoInventory) inventory = NULL;
  guint count = 0;

  /* Items read back from JSON are listened to like items added later. */
  inventory = lento_inventory_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);
  g_signal_connect (inventory, "changed", G_CALLBACK (count_changed_cb), &count);

  test->change (inventory);
  g_assert_cmpuint (count, ==, test->expected);
}

/* A tool kept after its inventory is gone can still be edited. */
static void
test_changed_outlived (void)
{
  LentoInventory *inventory = lento_inventory_new ();
  g_autoptr(LentoTool) tool = trainer ("t", 15.0);
  g_autoptr(GListModel) tools = NULL;

  add_tool (inventory, g_object_ref (tool));
  tools = g_object_ref (lento_inventory_get_tools (inventory));
  g_assert_finalize_object (inventory);

  lento_tool_set_diameter (tool, 16.5);
  g_assert_cmpuint (g_list_model_get_n_items (tools), ==, 1);
}

/* One way to write a size, wherever a person reads it. */
typedef struct {
  const char *name;
  double      mm;
  const char *expected;
} DiameterCase;

static const DiameterCase diameter_cases[] = {
  { "whole", 18.0, "18\u00a0mm" },
  { "half", 21.5, "21.5\u00a0mm" },
  { "one-decimal", 14.9, "14.9\u00a0mm" },
  { "rounded-to-one-decimal", 16.26, "16.3\u00a0mm" },
  { "nearly-whole-below", 17.96, "18\u00a0mm" },
  { "nearly-whole-above", 18.04, "18\u00a0mm" },
  { "smallest", 1.0, "1\u00a0mm" },
  { "largest", 100.0, "100\u00a0mm" },
  { "zero", 0.0, "0\u00a0mm" },
};

static void
test_format_diameter (gconstpointer data)
{
  const DiameterCase *test = data;
  g_autofree char *text = lento_format_diameter (test->mm);

  g_assert_cmpstr (text, ==, test->expected);
}

static void
test_nicks (void)
{
  LentoToolKind kind;
  LentoMaterial material;
  LentoLubeKind lube_kind;

  for (guint i = LENTO_TOOL_KIND_FINGER; i <= LENTO_TOOL_KIND_DILATOR; i++)
    {
      g_assert_true (lento_tool_kind_from_string (lento_tool_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
    }
  for (guint i = LENTO_MATERIAL_SILICONE; i <= LENTO_MATERIAL_SKIN; i++)
    {
      g_assert_true (lento_material_from_string (lento_material_to_string (i), &material));
      g_assert_cmpint (material, ==, i);
    }
  for (guint i = LENTO_LUBE_KIND_WATER; i <= LENTO_LUBE_KIND_NUMBING; i++)
    {
      g_assert_true (lento_lube_kind_from_string (lento_lube_kind_to_string (i), &lube_kind));
      g_assert_cmpint (lube_kind, ==, i);
    }
  g_assert_false (lento_tool_kind_from_string ("spoon", &kind));
  g_assert_false (lento_lube_kind_from_string (NULL, &lube_kind));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lento/inventory/new-destroy", test_new_destroy);
  g_test_add_func ("/lento/inventory/no-flared-base", test_no_flared_base);
  g_test_add_func ("/lento/inventory/flared-base-unanswered", test_flared_base_unanswered);
  g_test_add_func ("/lento/inventory/insert-where-it-was", test_insert_where_it_was);
  g_test_add_func ("/lento/inventory/flared-base-unreadable-kept",
                   test_flared_base_unreadable_kept);
  g_test_add_func ("/lento/inventory/fingers-exempt", test_fingers_exempt);
  g_test_add_func ("/lento/inventory/silicone-on-silicone", test_silicone_on_silicone);
  g_test_add_func ("/lento/inventory/silicone-said-once", test_silicone_said_once);
  g_test_add_func ("/lento/inventory/numbing-refused", test_numbing_refused);
  g_test_add_func ("/lento/inventory/numbing-from-json", test_numbing_from_json);
  g_test_add_func ("/lento/inventory/edit-lube", test_edit_lube);
  g_test_add_func ("/lento/inventory/oil-note", test_oil_note);
  for (guint i = 0; i < G_N_ELEMENTS (jump_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/inventory/ladder-jump/%s",
                                               jump_cases[i].name);
      g_test_add_data_func (path, &jump_cases[i], test_ladder_jump);
    }
  g_test_add_func ("/lento/inventory/trainer-set-preset", test_trainer_set_preset);
  g_test_add_func ("/lento/inventory/json-round-trip", test_json_round_trip);
  for (guint i = 0; i < G_N_ELEMENTS (bad_json_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/inventory/bad-json/%s",
                                               bad_json_cases[i].name);
      g_test_add_data_func (path, &bad_json_cases[i], test_bad_json);
    }
  g_test_add_func ("/lento/inventory/duplicate-add", test_duplicate_add);
  g_test_add_func ("/lento/inventory/nicks", test_nicks);
  for (guint i = 0; i < G_N_ELEMENTS (changed_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/inventory/changed/%s",
                                               changed_cases[i].name);
      g_test_add_data_func (path, &changed_cases[i], test_changed);
    }
  g_test_add_func ("/lento/inventory/changed/outlived", test_changed_outlived);
  for (guint i = 0; i < G_N_ELEMENTS (diameter_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/inventory/format-diameter/%s",
                                               diameter_cases[i].name);
      g_test_add_data_func (path, &diameter_cases[i], test_format_diameter);
    }

  return g_test_run ();
}
