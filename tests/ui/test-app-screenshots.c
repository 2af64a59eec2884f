/* test-app-screenshots.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-app-screenshots"

#include "config.h"

#include <adwaita.h>

#include "lento-fake-clock.h"
#include "lento-journal-view.h"
#include "lento-sample-data.h"
#include "lento-test-practice.h"
#include "lento-test-ui.h"
#include "lento-window.h"

/* The pictures the metainfo shows: the real window at its default size, on
 * a journal of two years with a full inventory, in the app's own style.
 * data/screenshots/ holds optimised copies of app-plan.png, app-session.png,
 * app-journal.png and app-statistics.png; build-aux/update-screenshots makes
 * them again from these.
 */

#define SAMPLE_SEED 20260301
#define WIDTH 900
#define HEIGHT 680

typedef struct {
  LentoFakeClock *clock;
  char           *data_dir;
  LentoPractice  *practice;
  LentoWindow    *window;
} Fixture;

/* The tools of the sample journal, measured and confirmed, and a lubricant:
 * the journal names each tool from here.
 */
static void
fill_inventory (LentoInventory *inventory)
{
  static const struct {
    const char    *id;
    const char    *name;
    LentoToolKind  kind;
    LentoMaterial  material;
    double         diameter;
  } tools[] = {
    { "sample-finger", "Little finger", LENTO_TOOL_KIND_FINGER, LENTO_MATERIAL_SKIN, 12.0 },
    { "sample-trainer-1", "Trainer set, size 1", LENTO_TOOL_KIND_TRAINER,
      LENTO_MATERIAL_SILICONE, 16.0 },
    { "sample-trainer-2", "Trainer set, size 2", LENTO_TOOL_KIND_TRAINER,
      LENTO_MATERIAL_SILICONE, 19.0 },
    { "sample-trainer-3", "Trainer set, size 3", LENTO_TOOL_KIND_TRAINER,
      LENTO_MATERIAL_SILICONE, 22.0 },
    { "sample-trainer-4", "Trainer set, size 4", LENTO_TOOL_KIND_TRAINER,
      LENTO_MATERIAL_SILICONE, 25.0 },
    { "sample-dilator-5", "Small glass dilator", LENTO_TOOL_KIND_DILATOR, LENTO_MATERIAL_GLASS,
      28.0 },
    { "sample-dilator-6", "Medium glass dilator", LENTO_TOOL_KIND_DILATOR, LENTO_MATERIAL_GLASS,
      31.0 },
    { "sample-dilator-7", "Large glass dilator", LENTO_TOOL_KIND_DILATOR, LENTO_MATERIAL_GLASS,
      34.0 },
  };
  g_autoptr(LentoLube) lube = lento_lube_new ("sample-lube-water", "Water-based gel",
                                              LENTO_LUBE_KIND_WATER);

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autoptr(LentoTool) tool = NULL;

      tool = lento_tool_new (tools[i].id, tools[i].name, tools[i].kind, tools[i].material,
                             tools[i].diameter, 0.0,
                             tools[i].kind == LENTO_TOOL_KIND_FINGER ? LENTO_FLARED_BASE_NO
                                                                     : LENTO_FLARED_BASE_YES);
      lento_tool_set_confirmed (tool, TRUE);
      g_assert_true (lento_inventory_add_tool (inventory, tool, NULL));
    }
  g_assert_true (lento_inventory_add_lube (inventory, lube, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) last = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  /* A Monday morning, with Monday among the person's days. */
  fixture->clock = lento_fake_clock_new ();
  fixture->practice = lento_test_practice_new (LENTO_CLOCK (fixture->clock),
                                               &fixture->data_dir);
  fill_inventory (lento_practice_get_inventory (fixture->practice));
  lento_practice_set_weekdays (fixture->practice, (1u << G_DATE_MONDAY)
                                                  | (1u << G_DATE_WEDNESDAY)
                                                  | (1u << G_DATE_FRIDAY));
  now = lento_practice_dup_now (fixture->practice);
  last = g_date_time_add_hours (now, -36);
  lento_journal_generate_sample (lento_practice_get_journal (fixture->practice), 160, 2,
                                 SAMPLE_SEED, last);

  fixture->window = lento_window_new (NULL, fixture->practice);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (g_strcmp0 (lento_window_get_lock_page (fixture->window), "main") != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  lento_test_wait_for_draw (GTK_WIDGET (fixture->window));
  lento_test_resize (GTK_WINDOW (fixture->window), WIDTH, HEIGHT);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  lento_test_practice_free (fixture->practice, fixture->data_dir);
  g_clear_object (&fixture->clock);
}

static void
save (Fixture    *fixture,
      const char *name)
{
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, WIDTH);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture->window)), ==, HEIGHT);
  lento_test_save_screenshot (GTK_WIDGET (fixture->window), name);
}

/* The plan for today, the session under way, the journal and its statistics. */
static void
test_app_screenshots (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *journal_view;
  GtkWidget *stats_button;

  lento_window_set_view (fixture->window, "plan");
  save (fixture, "app-plan");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start-session",
                                             NULL));
  g_assert_cmpstr (lento_window_get_view (fixture->window), ==, "session");
  g_assert_nonnull (lento_practice_get_session (fixture->practice));
  /* Half a minute in: settling, with the breathing pacer. */
  lento_fake_clock_advance (fixture->clock, 30 * G_USEC_PER_SEC);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  save (fixture, "app-session");

  lento_window_set_view (fixture->window, "journal");
  journal_view = lento_test_find_widget (GTK_WIDGET (fixture->window), LENTO_TYPE_JOURNAL_VIEW,
                                         NULL);
  g_assert_nonnull (journal_view);
  save (fixture, "app-journal");

  stats_button = lento_test_find_named (journal_view, "stats-button");
  g_assert_nonnull (stats_button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (stats_button), TRUE);
  g_assert_cmpstr (lento_journal_view_get_page (LENTO_JOURNAL_VIEW (journal_view)), ==, "stats");
  save (fixture, "app-statistics");
}

int
main (int   argc,
      char *argv[])
{
  lento_test_ui_init (&argc, &argv);
  lento_test_ui_load_app_style ();

  g_test_add ("/lento/app-screenshots", Fixture, NULL,
              fixture_set_up, test_app_screenshots, fixture_tear_down);

  return g_test_run ();
}
