/* lento-inventory-page.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-inventory-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-accessible.h"
#include "lento-inventory-page.h"
#include "lento-toast.h"

#define DEFAULT_MAX_JUMP_PERCENT 20.0

struct _LentoInventoryPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkBox         *message_box;
  GtkImage       *message_icon;
  GtkLabel       *message_label;
  GtkBox         *confirm_box;
  GtkLabel       *confirm_label;
  GtkListBox     *tools_list;
  GtkListBox     *lubes_list;
  GtkBox         *checks_box;

  /* Owned */
  LentoInventory *inventory;
  GObject        *removed;           /* the tool or lubricant Undo puts back */
  double          max_jump;
  guint           removed_position;  /* where it was in its list */

  /* Borrowed, weak: the overlay owns the toast */
  AdwToast       *undo_toast;
};

G_DEFINE_FINAL_TYPE (LentoInventoryPage, lento_inventory_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_INVENTORY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The widgets of a tool or lubricant form, alive as long as its dialog. */
typedef struct {
  LentoInventoryPage *page;
  LentoTool          *tool;      /* NULL when adding */
  LentoLube          *lube;      /* NULL when adding */
  AdwMessageDialog   *dialog;
  AdwEntryRow        *name;
  AdwComboRow        *kind;
  AdwComboRow        *material;
  GtkSpinButton      *diameter;
  GtkWidget          *flared_row;  /* NULL for a finger */
  GtkToggleButton    *flared_yes;
  GtkToggleButton    *flared_no;
  GtkSwitch          *confirmed;
} Form;

static void
form_free (Form *form)
{
  g_clear_object (&form->page);
  g_clear_object (&form->tool);
  g_clear_object (&form->lube);
  g_free (form);
}

static const char *
tool_kind_label (LentoToolKind kind)
{
  switch (kind)
    {
    case LENTO_TOOL_KIND_FINGER:
      return _("Finger");
    case LENTO_TOOL_KIND_TRAINER:
      /* Translators: a graduated anal trainer, a smooth tool made in a series of sizes; not a
       * person who trains.
       */
      return _("Trainer");
    case LENTO_TOOL_KIND_PLUG:
      /* Translators: an anal plug, a tool with a flared base. */
      return _("Plug");
    case LENTO_TOOL_KIND_DILATOR:
      /* Translators: a medical dilator, a smooth tool made in a series of sizes. */
      return _("Dilator");
    default:
      g_assert_not_reached ();
    }
}

/* The material as it reads inside a tool's row, after its kind: a row's
 * subtitle is sentence case, so only its first word starts with a capital.
 * The drop-down of the tool dialog names the materials on their own.
 */
static const char *
material_label (LentoMaterial material)
{
  switch (material)
    {
    case LENTO_MATERIAL_SILICONE:
      return C_("tool details", "silicone");
    case LENTO_MATERIAL_GLASS:
      return C_("tool details", "glass");
    case LENTO_MATERIAL_STEEL:
      return C_("tool details", "steel");
    case LENTO_MATERIAL_PLASTIC:
      return C_("tool details", "plastic");
    case LENTO_MATERIAL_OTHER:
      return C_("tool details", "other material");
    case LENTO_MATERIAL_SKIN:
      return C_("tool details", "skin");
    default:
      g_assert_not_reached ();
    }
}

static const char *
flared_base_label (LentoFlaredBase flared_base)
{
  switch (flared_base)
    {
    case LENTO_FLARED_BASE_YES:
      return C_("tool details", "flared base");
    case LENTO_FLARED_BASE_NO:
      return C_("tool details", "no flared base");
    case LENTO_FLARED_BASE_UNKNOWN:
    default:
      return C_("tool details", "flared base not answered");
    }
}

static const char *
lube_kind_label (LentoLubeKind kind)
{
  switch (kind)
    {
    case LENTO_LUBE_KIND_WATER:
      return _("Water-based");
    case LENTO_LUBE_KIND_SILICONE:
      return _("Silicone-based");
    case LENTO_LUBE_KIND_HYBRID:
      return _("Hybrid");
    case LENTO_LUBE_KIND_OIL:
      return _("Oil-based");
    case LENTO_LUBE_KIND_NUMBING:
      return _("Numbing cream, gel or spray");
    default:
      g_assert_not_reached ();
    }
}

/* A refusal reads as a warning; a plain note (what to do with a new set)
 * keeps the calmer colour.
 */
static void
set_message_full (LentoInventoryPage *self,
                  const char         *message,
                  gboolean            warning)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_image_set_from_icon_name (self->message_icon, warning ? "dialog-warning-symbolic"
                                                            : "dialog-information-symbolic");
  if (warning)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_box), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_box), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->message_box), message != NULL);
}

static void
set_message (LentoInventoryPage *self,
             const char         *message)
{
  set_message_full (self, message, TRUE);
}

static GtkWidget *
make_icon_button (const char *icon_name,
                  const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  lento_accessible_set_new_tooltip (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static void show_tool_dialog (LentoInventoryPage *self,
                              LentoTool          *tool);
static void show_lube_dialog (LentoInventoryPage *self,
                              LentoLube          *lube);

static LentoInventoryPage *
page_of (GtkWidget *widget)
{
  return LENTO_INVENTORY_PAGE (gtk_widget_get_ancestor (widget, LENTO_TYPE_INVENTORY_PAGE));
}

static void
edit_tool_clicked_cb (GtkButton *button,
                      LentoTool *tool)
{
  LentoInventoryPage *self = page_of (GTK_WIDGET (button));

  show_tool_dialog (self, tool);
}

static void
edit_lube_clicked_cb (GtkButton *button,
                      LentoLube *lube)
{
  LentoInventoryPage *self = page_of (GTK_WIDGET (button));

  show_lube_dialog (self, lube);
}

static guint
position_in (GListModel *model,
             gpointer    item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }

  return n;
}

static void
undo_toast_dismissed_cb (LentoInventoryPage *self,
                         AdwToast           *toast)
{
  /* Only the toast of the latest removal holds it; an older one just goes. */
  if (toast != self->undo_toast)
    return;

  g_clear_weak_pointer (&self->undo_toast);
  g_clear_object (&self->removed);
}

static void
forget_removed (LentoInventoryPage *self)
{
  AdwToast *toast = self->undo_toast;

  g_clear_object (&self->removed);
  if (toast != NULL)
    {
      g_clear_weak_pointer (&self->undo_toast);
      lento_toast_dismiss (toast);
    }
}

/* Removing happens at once, and a toast offers to put it back: kinder than
 * a question before every removal. A second removal makes the first final,
 * and the toast shown takes the new name: dismissing a toast and showing
 * another at once can crash libadwaita 1.2 as the first one's hiding ends.
 */
static void
offer_undo (LentoInventoryPage *self,
            GObject            *item,
            guint               position,
            const char         *name)
{
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *title = NULL;

  g_set_object (&self->removed, item);
  self->removed_position = position;

  /* Translators: a toast after a tool or lubricant was removed from the inventory. */
  title = g_strdup_printf (_("“%s” removed"), escaped);
  if (self->undo_toast != NULL)
    {
      adw_toast_set_title (self->undo_toast, title);
      lento_toast_keep (self->undo_toast);
      return;
    }

  self->undo_toast = adw_toast_new (title);
  g_object_add_weak_pointer (G_OBJECT (self->undo_toast), (gpointer *) &self->undo_toast);
  adw_toast_set_button_label (self->undo_toast, _("_Undo"));
  adw_toast_set_action_name (self->undo_toast, "inventory.undo-remove");
  g_signal_connect_object (self->undo_toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb),
                           self, G_CONNECT_SWAPPED);
  lento_toast_show (self->toast_overlay, self->undo_toast);
}

static void
remove_tool_clicked_cb (GtkButton *button,
                        LentoTool *tool)
{
  LentoInventoryPage *self = page_of (GTK_WIDGET (button));
  g_autoptr(LentoTool) hold = g_object_ref (tool);
  guint position = position_in (lento_inventory_get_tools (self->inventory), hold);

  if (!lento_inventory_remove_tool (self->inventory, lento_tool_get_id (hold)))
    return;
  set_message (self, NULL);
  offer_undo (self, G_OBJECT (hold), position, lento_tool_get_name (hold));
}

static void
remove_lube_clicked_cb (GtkButton *button,
                        LentoLube *lube)
{
  LentoInventoryPage *self = page_of (GTK_WIDGET (button));
  g_autoptr(LentoLube) hold = g_object_ref (lube);
  guint position = position_in (lento_inventory_get_lubes (self->inventory), hold);

  if (!lento_inventory_remove_lube (self->inventory, lento_lube_get_id (hold)))
    return;
  set_message (self, NULL);
  offer_undo (self, G_OBJECT (hold), position, lento_lube_get_name (hold));
}

static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LentoInventoryPage *self = LENTO_INVENTORY_PAGE (widget);
  g_autoptr(GObject) item = g_steal_pointer (&self->removed);
  g_autoptr(GError) error = NULL;
  gboolean restored;

  forget_removed (self);
  if (item == NULL || self->inventory == NULL)
    return;

  /* The very object goes back, where it was, with its id and answers. */
  if (LENTO_IS_TOOL (item))
    restored = lento_inventory_insert_tool (self->inventory, self->removed_position,
                                            LENTO_TOOL (item), &error);
  else
    restored = lento_inventory_insert_lube (self->inventory, self->removed_position,
                                            LENTO_LUBE (item), &error);

  set_message (self, restored ? NULL : error->message);
}

static GtkWidget *
create_tool_row (gpointer item,
                 gpointer user_data)
{
  LentoTool *tool = LENTO_TOOL (item);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *size = lento_format_diameter (lento_tool_get_diameter (tool));
  g_autofree char *subtitle = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *edit_label = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *button;

  /* Translators: the name of a button and a dialog heading; %s is the name of a tool or a
   * lubricant.
   */
  edit_label = g_strdup_printf (_("Edit “%s”"), lento_tool_get_name (tool));
  /* Translators: the name of a button; %s is the name of a tool or a lubricant. */
  remove_label = g_strdup_printf (_("Remove “%s”"), lento_tool_get_name (tool));

  if (lento_tool_get_kind (tool) == LENTO_TOOL_KIND_FINGER)
    /* Translators: a finger's row in the inventory: its kind, then its
     * diameter, like “Finger, about 15 mm”.
     */
    subtitle = g_strdup_printf (_("%s, about %s"), tool_kind_label (lento_tool_get_kind (tool)),
                                size);
  else
    /* Translators: a tool's details under its name, as a list: its kind
     * (“Trainer”), its material (“silicone”), its diameter (“15 mm”) and
     * whether it has a flared base (“flared base”), like “Trainer,
     * silicone, 15 mm, flared base”.
     */
    subtitle = g_strdup_printf (_("%s, %s, %s, %s"),
                                tool_kind_label (lento_tool_get_kind (tool)),
                                material_label (lento_tool_get_material (tool)), size,
                                flared_base_label (lento_tool_get_flared_base_answer (tool)));

  if (!lento_tool_is_usable (tool, &reason))
    {
      g_autofree char *joined = g_strconcat (subtitle, "\n", reason, NULL);

      g_free (subtitle);
      subtitle = g_steal_pointer (&joined);
      gtk_widget_add_css_class (row, "unusable");
    }

  /* Names are the person's own words, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lento_tool_get_name (tool));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  button = make_icon_button ("document-edit-symbolic", edit_label);
  g_signal_connect_object (button, "clicked", G_CALLBACK (edit_tool_clicked_cb), tool, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  button = make_icon_button ("user-trash-symbolic", remove_label);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_tool_clicked_cb), tool, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static GtkWidget *
create_lube_row (gpointer item,
                 gpointer user_data)
{
  LentoLube *lube = LENTO_LUBE (item);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *edit_label = g_strdup_printf (_("Edit “%s”"), lento_lube_get_name (lube));
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), lento_lube_get_name (lube));
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lento_lube_get_name (lube));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               lube_kind_label (lento_lube_get_kind (lube)));

  button = make_icon_button ("document-edit-symbolic", edit_label);
  g_signal_connect_object (button, "clicked", G_CALLBACK (edit_lube_clicked_cb), lube, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  button = make_icon_button ("user-trash-symbolic", remove_label);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_lube_clicked_cb), lube, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
refresh_checks (LentoInventoryPage *self)
{
  g_autoptr(GPtrArray) issues = NULL;
  GtkWidget *child;
  guint shown = 0;
  guint unconfirmed = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checks_box))) != NULL)
    gtk_box_remove (self->checks_box, child);

  if (self->inventory == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->confirm_box), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.confirm-sizes", FALSE);
      return;
    }

  issues = lento_inventory_check (self->inventory, self->max_jump);

  for (guint i = 0; i < issues->len; i++)
    {
      const LentoInventoryIssue *issue = g_ptr_array_index (issues, i);
      GtkWidget *box;
      GtkWidget *icon;
      GtkWidget *label;

      unconfirmed += issue->kind == LENTO_ISSUE_UNCONFIRMED;

      /* These already stand under the tool's own row. */
      if (issue->kind == LENTO_ISSUE_UNCONFIRMED || issue->kind == LENTO_ISSUE_NO_FLARED_BASE)
        continue;

      shown++;
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      label = gtk_label_new (issue->reason);

      icon = gtk_image_new_from_icon_name (issue->severity == LENTO_ISSUE_SEVERITY_NOTE
                                           ? "dialog-information-symbolic"
                                           : "dialog-warning-symbolic");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      issue->severity == LENTO_ISSUE_SEVERITY_NOTE
                                      ? C_("banner icon", "Note")
                                      : C_("banner icon", "Safety"), -1);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_add_css_class (box, "plan-banner");
      if (issue->severity != LENTO_ISSUE_SEVERITY_NOTE)
        gtk_widget_add_css_class (box, "warning");
      gtk_box_append (self->checks_box, box);
    }

  if (shown == 0)
    {
      GtkWidget *label = gtk_label_new (_("Nothing else to look out for."));

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->checks_box, label);
    }

  if (unconfirmed > 0)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %u is a number of tools. */
                                           "%u tool waits for its measured size. Until you "
                                           "confirm it, the plan leaves it out.",
                                           "%u tools wait for their measured sizes. Until you "
                                           "confirm them, the plan leaves them out.",
                                           unconfirmed),
                              unconfirmed);
      gtk_label_set_label (self->confirm_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_box), unconfirmed > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.confirm-sizes", unconfirmed > 0);
}

/* Rows are built from the tools themselves, and a tool changed in place
 * (a new diameter, a confirmation) does not announce itself to the lists,
 * so they are bound afresh whenever the inventory changes.
 */
static void
refresh (LentoInventoryPage *self)
{
  if (self->inventory != NULL)
    {
      gtk_list_box_bind_model (self->tools_list, lento_inventory_get_tools (self->inventory),
                               create_tool_row, self, NULL);
      gtk_list_box_bind_model (self->lubes_list, lento_inventory_get_lubes (self->inventory),
                               create_lube_row, self, NULL);
    }
  else
    {
      gtk_list_box_bind_model (self->tools_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->lubes_list, NULL, NULL, NULL, NULL);
    }

  refresh_checks (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.add-fingers",
                                 self->inventory != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.add-trainer-set",
                                 self->inventory != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.add-tool",
                                 self->inventory != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inventory.add-lube",
                                 self->inventory != NULL);
}

static void
inventory_changed_cb (LentoInventoryPage *self)
{
  refresh (self);
}

static GtkWidget *
add_switch_row (GtkListBox *list,
                const char *title,
                const char *subtitle,
                gboolean    active,
                GtkSwitch **out_switch)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  gtk_list_box_append (list, row);
  *out_switch = GTK_SWITCH (toggle);

  return row;
}

static AdwComboRow *
add_combo_row (GtkListBox         *list,
               const char         *title,
               const char * const *labels,
               guint               selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  gtk_list_box_append (list, row);

  return ADW_COMBO_ROW (row);
}

/* What the form says of the flared base: unknown until the person picks. A
 * finger has no base to ask about.
 */
static LentoFlaredBase
form_flared_base (Form *form)
{
  if (form->flared_row == NULL || !gtk_widget_get_visible (form->flared_row))
    return LENTO_FLARED_BASE_NO;
  if (gtk_toggle_button_get_active (form->flared_yes))
    return LENTO_FLARED_BASE_YES;
  if (gtk_toggle_button_get_active (form->flared_no))
    return LENTO_FLARED_BASE_NO;
  return LENTO_FLARED_BASE_UNKNOWN;
}

/* Save waits for an answer: no safety check may rest on a default. */
static void
form_changed_cb (Form *form)
{
  gboolean finger = form->kind != NULL
                    && adw_combo_row_get_selected (form->kind) == LENTO_TOOL_KIND_FINGER;

  if (form->flared_row != NULL)
    gtk_widget_set_visible (form->flared_row, !finger);
  adw_message_dialog_set_response_enabled (form->dialog, "save",
                                           form_flared_base (form) != LENTO_FLARED_BASE_UNKNOWN);
}

static void
add_flared_base_row (GtkListBox      *list,
                     Form            *form,
                     LentoFlaredBase  answer)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                 "valign", GTK_ALIGN_CENTER,
                                 NULL);
  GtkWidget *yes = gtk_toggle_button_new_with_mnemonic (_("_Yes"));
  GtkWidget *no = gtk_toggle_button_new_with_mnemonic (_("_No"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Flared Base"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("A wide base that keeps it from slipping inside"));
  gtk_widget_add_css_class (box, "linked");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Flared base"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (yes), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Has a flared base"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (no), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Has no flared base"), -1);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (no), GTK_TOGGLE_BUTTON (yes));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (yes), answer == LENTO_FLARED_BASE_YES);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (no), answer == LENTO_FLARED_BASE_NO);
  gtk_box_append (GTK_BOX (box), yes);
  gtk_box_append (GTK_BOX (box), no);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  gtk_list_box_append (list, row);

  form->flared_row = row;
  form->flared_yes = GTK_TOGGLE_BUTTON (yes);
  form->flared_no = GTK_TOGGLE_BUTTON (no);
}

static void
tool_dialog_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         Form             *form)
{
  LentoInventoryPage *self = form->page;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (form->name));
  double diameter = gtk_spin_button_get_value (form->diameter);
  LentoFlaredBase flared_base = form_flared_base (form);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0 || self->inventory == NULL
      || flared_base == LENTO_FLARED_BASE_UNKNOWN)
    return;

  if (name == NULL || *name == '\0')
    name = _("Unnamed tool");

  if (form->tool != NULL)
    {
      lento_tool_set_name (form->tool, name);
      lento_tool_set_diameter (form->tool, diameter);
      if (form->flared_row != NULL)
        lento_tool_set_flared_base_answer (form->tool, flared_base);
      if (form->confirmed != NULL)
        lento_tool_set_confirmed (form->tool, gtk_switch_get_active (form->confirmed));
      set_message (self, NULL);
    }
  else
    {
      g_autofree char *id = g_uuid_string_random ();
      g_autoptr(LentoTool) tool = NULL;

      tool = lento_tool_new (id, name,
                             (LentoToolKind) adw_combo_row_get_selected (form->kind),
                             (LentoMaterial) adw_combo_row_get_selected (form->material),
                             diameter, 0.0, flared_base);
      lento_tool_set_confirmed (tool, gtk_switch_get_active (form->confirmed));

      if (!lento_inventory_add_tool (self->inventory, tool, &error))
        set_message (self, error->message);
      else
        set_message (self, NULL);
    }
}

static void
show_tool_dialog (LentoInventoryPage *self,
                  LentoTool          *tool)
{
  const char * const kinds[] = {
    _("Finger"), _("Trainer"), _("Plug"), _("Dilator"), NULL,
  };
  const char * const materials[] = {
    _("Silicone"), _("Glass"), _("Steel"), _("Plastic"), _("Other material"), _("Skin"), NULL,
  };
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *name = adw_entry_row_new ();
  GtkWidget *row;
  GtkWidget *spin;
  g_autofree char *heading = NULL;
  Form *form = g_new0 (Form, 1);
  gboolean finger = tool != NULL && lento_tool_get_kind (tool) == LENTO_TOOL_KIND_FINGER;

  form->page = g_object_ref (self);
  form->tool = tool != NULL ? g_object_ref (tool) : NULL;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Name"));
  if (tool != NULL)
    gtk_editable_set_text (GTK_EDITABLE (name), lento_tool_get_name (tool));
  gtk_list_box_append (GTK_LIST_BOX (list), name);
  form->name = ADW_ENTRY_ROW (name);

  if (tool == NULL)
    {
      form->kind = add_combo_row (GTK_LIST_BOX (list), _("Kind"), kinds, LENTO_TOOL_KIND_TRAINER);
      form->material = add_combo_row (GTK_LIST_BOX (list), _("Material"), materials,
                                      LENTO_MATERIAL_SILICONE);
    }

  row = adw_action_row_new ();
  spin = gtk_spin_button_new_with_range (1.0, LENTO_ENTRY_MAX_DIAMETER_MM, 0.5);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin),
                             tool != NULL ? lento_tool_get_diameter (tool) : 15.0);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Diameter in millimetres"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Diameter in Millimetres"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("At the widest part that goes in"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  form->diameter = GTK_SPIN_BUTTON (spin);

  if (!finger)
    add_flared_base_row (GTK_LIST_BOX (list), form,
                         tool != NULL ? lento_tool_get_flared_base_answer (tool)
                                      : LENTO_FLARED_BASE_UNKNOWN);

  if (!finger)
    add_switch_row (GTK_LIST_BOX (list), _("I Measured This Diameter"),
                    _("The plan suggests a tool only once you confirm its size"),
                    tool != NULL && lento_tool_get_confirmed (tool), &form->confirmed);

  if (tool != NULL)
    heading = g_strdup_printf (_("Edit “%s”"), lento_tool_get_name (tool));
  else
    heading = g_strdup (_("Add a Tool"));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   heading, NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  form->dialog = ADW_MESSAGE_DIALOG (dialog);
  if (form->flared_row != NULL)
    {
      g_signal_connect_swapped (form->flared_yes, "toggled", G_CALLBACK (form_changed_cb), form);
      g_signal_connect_swapped (form->flared_no, "toggled", G_CALLBACK (form_changed_cb), form);
    }
  if (form->kind != NULL)
    g_signal_connect_swapped (form->kind, "notify::selected", G_CALLBACK (form_changed_cb), form);
  form_changed_cb (form);
  g_signal_connect_data (dialog, "response", G_CALLBACK (tool_dialog_response_cb), form,
                         (GClosureNotify) form_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The sizes still to confirm, all in one dialog: a row per tool with the
 * diameter the person measured and a tick that says they did.
 */
typedef struct {
  LentoInventoryPage *page;
  AdwMessageDialog   *dialog;
  GPtrArray          *tools;   /* LentoTool, owned */
  GPtrArray          *ticks;   /* GtkCheckButton, borrowed from the dialog */
  GPtrArray          *sizes;   /* GtkSpinButton, borrowed from the dialog */
} SizesForm;

static void
sizes_form_free (SizesForm *form)
{
  g_clear_object (&form->page);
  g_clear_pointer (&form->tools, g_ptr_array_unref);
  g_clear_pointer (&form->ticks, g_ptr_array_unref);
  g_clear_pointer (&form->sizes, g_ptr_array_unref);
  g_free (form);
}

/* Confirming waits for at least one tick: a size is only confirmed when the
 * person says they measured it.
 */
static void
sizes_form_changed_cb (SizesForm *form)
{
  gboolean any = FALSE;

  for (guint i = 0; i < form->ticks->len && !any; i++)
    any = gtk_check_button_get_active (g_ptr_array_index (form->ticks, i));
  adw_message_dialog_set_response_enabled (form->dialog, "confirm", any);
}

/* Entering a size is saying it was measured. */
static void
size_changed_cb (GtkCheckButton *tick)
{
  gtk_check_button_set_active (tick, TRUE);
}

static void
sizes_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          SizesForm        *form)
{
  LentoInventoryPage *self = form->page;

  if (g_strcmp0 (response, "confirm") != 0 || self->inventory == NULL)
    return;

  for (guint i = 0; i < form->tools->len; i++)
    {
      LentoTool *tool = g_ptr_array_index (form->tools, i);

      /* A tool removed while the dialog was open stays removed. */
      if (!gtk_check_button_get_active (g_ptr_array_index (form->ticks, i))
          || lento_inventory_find_tool (self->inventory, lento_tool_get_id (tool)) != tool)
        continue;
      lento_tool_set_diameter (tool, gtk_spin_button_get_value (g_ptr_array_index (form->sizes,
                                                                                   i)));
      lento_tool_set_confirmed (tool, TRUE);
    }
  set_message (self, NULL);
}

static void
confirm_sizes_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LentoInventoryPage *self = LENTO_INVENTORY_PAGE (widget);
  g_autoptr(GPtrArray) issues = NULL;
  GtkWidget *scrolled;
  GtkWidget *list;
  GtkWidget *dialog;
  SizesForm *form;

  if (self->inventory == NULL)
    return;

  form = g_new0 (SizesForm, 1);
  form->page = g_object_ref (self);
  form->tools = g_ptr_array_new_with_free_func (g_object_unref);
  form->ticks = g_ptr_array_new ();
  form->sizes = g_ptr_array_new ();

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sizes to confirm"), -1);

  issues = lento_inventory_check (self->inventory, self->max_jump);
  for (guint i = 0; i < issues->len; i++)
    {
      const LentoInventoryIssue *issue = g_ptr_array_index (issues, i);
      LentoTool *tool;
      GtkWidget *row;
      GtkWidget *tick;
      GtkWidget *spin;
      g_autofree char *tick_label = NULL;
      g_autofree char *size_label = NULL;

      if (issue->kind != LENTO_ISSUE_UNCONFIRMED)
        continue;
      tool = lento_inventory_find_tool (self->inventory, issue->tool_id);
      g_assert (tool != NULL);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lento_tool_get_name (tool));

      tick = gtk_check_button_new ();
      gtk_widget_set_valign (tick, GTK_ALIGN_CENTER);
      /* Translators: the accessible name of a tick in the Confirm Sizes dialog; %s is the name
       * of a tool.
       */
      tick_label = g_strdup_printf (_("I measured “%s”"), lento_tool_get_name (tool));
      gtk_accessible_update_property (GTK_ACCESSIBLE (tick), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tick_label, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), tick);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), tick);

      spin = gtk_spin_button_new_with_range (1.0, LENTO_ENTRY_MAX_DIAMETER_MM, 0.5);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), lento_tool_get_diameter (tool));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      /* Translators: the accessible name of a diameter field; %s is the name of a tool. */
      size_label = g_strdup_printf (_("Diameter of “%s” in millimetres"),
                                    lento_tool_get_name (tool));
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      size_label, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      /* Translators: the unit after a diameter field. */
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (C_("unit", "mm")));

      g_signal_connect_swapped (tick, "toggled", G_CALLBACK (sizes_form_changed_cb), form);
      g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (size_changed_cb), tick);
      gtk_list_box_append (GTK_LIST_BOX (list), row);

      g_ptr_array_add (form->tools, g_object_ref (tool));
      g_ptr_array_add (form->ticks, tick);
      g_ptr_array_add (form->sizes, spin);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Confirm Sizes"),
                                   _("Sets differ, so measure each tool at its widest part, "
                                     "enter what you measured and tick it. The plan suggests a "
                                     "tool only once its size is confirmed."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", _("C_onfirm"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* A row holds a name, a size and its unit: wider than a question. */
  gtk_window_set_default_size (GTK_WINDOW (dialog), 480, -1);
  form->dialog = ADW_MESSAGE_DIALOG (dialog);
  sizes_form_changed_cb (form);
  g_signal_connect_data (dialog, "response", G_CALLBACK (sizes_dialog_response_cb), form,
                         (GClosureNotify) sizes_form_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lube_dialog_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         Form             *form)
{
  LentoInventoryPage *self = form->page;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (form->name));
  LentoLubeKind kind = (LentoLubeKind) adw_combo_row_get_selected (form->kind);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;

  if (name == NULL || *name == '\0')
    name = lube_kind_label (kind);

  if (form->lube == NULL)
    {
      lento_inventory_page_add_lube (self, name, kind);
      return;
    }

  if (self->inventory == NULL)
    return;

  /* The inventory refuses a numbing product here as it does when adding. */
  if (!lento_inventory_edit_lube (self->inventory, lento_lube_get_id (form->lube), name, kind,
                                  &error))
    set_message (self, error->message);
  else
    set_message (self, NULL);
}

/* Adding and editing a lubricant share one form: a name and a kind. */
static void
show_lube_dialog (LentoInventoryPage *self,
                  LentoLube          *lube)
{
  const char * const kinds[] = {
    lube_kind_label (LENTO_LUBE_KIND_WATER),
    lube_kind_label (LENTO_LUBE_KIND_SILICONE),
    lube_kind_label (LENTO_LUBE_KIND_HYBRID),
    lube_kind_label (LENTO_LUBE_KIND_OIL),
    lube_kind_label (LENTO_LUBE_KIND_NUMBING),
    NULL,
  };
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *name = adw_entry_row_new ();
  g_autofree char *heading = NULL;
  Form *form = g_new0 (Form, 1);

  form->page = g_object_ref (self);
  form->lube = lube != NULL ? g_object_ref (lube) : NULL;
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Name"));
  if (lube != NULL)
    gtk_editable_set_text (GTK_EDITABLE (name), lento_lube_get_name (lube));
  gtk_list_box_append (GTK_LIST_BOX (list), name);
  form->name = ADW_ENTRY_ROW (name);
  form->kind = add_combo_row (GTK_LIST_BOX (list), _("Kind"), kinds,
                              lube != NULL ? lento_lube_get_kind (lube) : LENTO_LUBE_KIND_WATER);

  if (lube != NULL)
    heading = g_strdup_printf (_("Edit “%s”"), lento_lube_get_name (lube));
  else
    heading = g_strdup (_("Add a Lubricant"));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   heading,
                                   _("With silicone tools, a thick water-based lubricant "
                                     "works best."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", lube != NULL ? _("_Save") : _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (lube_dialog_response_cb), form,
                         (GClosureNotify) form_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_lube_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  show_lube_dialog (LENTO_INVENTORY_PAGE (widget), NULL);
}

static void
add_fingers_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LentoInventoryPage *self = LENTO_INVENTORY_PAGE (widget);

  if (lento_inventory_add_finger_presets (self->inventory) == 0)
    set_message_full (self, _("Your fingers are already in the list."), FALSE);
  else
    set_message (self, NULL);
}

static void
add_trainer_set_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  lento_inventory_page_add_trainer_set (LENTO_INVENTORY_PAGE (widget));
}

static void
add_tool_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  show_tool_dialog (LENTO_INVENTORY_PAGE (widget), NULL);
}

static void
lento_inventory_page_dispose (GObject *object)
{
  LentoInventoryPage *self = LENTO_INVENTORY_PAGE (object);

  lento_inventory_page_set_inventory (self, NULL);
  forget_removed (self);
  /* The bin's child is itself a template child: let the bin drop it first
   * so that it does not unparent a widget the template already freed.
   */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LENTO_TYPE_INVENTORY_PAGE);

  G_OBJECT_CLASS (lento_inventory_page_parent_class)->dispose (object);
}

static void
lento_inventory_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LentoInventoryPage *self = LENTO_INVENTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_INVENTORY:
      g_value_set_object (value, self->inventory);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_inventory_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LentoInventoryPage *self = LENTO_INVENTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_INVENTORY:
      lento_inventory_page_set_inventory (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_inventory_page_class_init (LentoInventoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lento_inventory_page_dispose;
  object_class->get_property = lento_inventory_page_get_property;
  object_class->set_property = lento_inventory_page_set_property;

  properties [PROP_INVENTORY] =
    g_param_spec_object ("inventory", NULL, NULL,
                         LENTO_TYPE_INVENTORY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A container of its own, not a widget a screen reader names: GTK 4.8
   * would call it by its class name.
   */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/lento-inventory-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LentoInventoryPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LentoInventoryPage, message_box);
  gtk_widget_class_bind_template_child (widget_class, LentoInventoryPage, message_icon);
  gtk_widget_class_bind_template_child (widget_class, LentoInventoryPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, LentoInventoryPage, confirm_box);
  gtk_widget_class_bind_template_child (widget_class, LentoInventoryPage, confirm_label);
  gtk_widget_class_bind_template_child (widget_class, LentoInventoryPage, tools_list);
  gtk_widget_class_bind_template_child (widget_class, LentoInventoryPage, lubes_list);
  gtk_widget_class_bind_template_child (widget_class, LentoInventoryPage, checks_box);

  gtk_widget_class_install_action (widget_class, "inventory.add-fingers", NULL,
                                   add_fingers_action);
  gtk_widget_class_install_action (widget_class, "inventory.add-trainer-set", NULL,
                                   add_trainer_set_action);
  gtk_widget_class_install_action (widget_class, "inventory.add-tool", NULL, add_tool_action);
  gtk_widget_class_install_action (widget_class, "inventory.add-lube", NULL, add_lube_action);
  gtk_widget_class_install_action (widget_class, "inventory.undo-remove", NULL,
                                   undo_remove_action);
  gtk_widget_class_install_action (widget_class, "inventory.confirm-sizes", NULL,
                                   confirm_sizes_action);
}

static GtkWidget *
make_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
lento_inventory_page_init (LentoInventoryPage *self)
{
  self->max_jump = DEFAULT_MAX_JUMP_PERCENT;
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->tools_list,
                                make_placeholder (_("No tools yet. Start with your fingers.")));
  gtk_list_box_set_placeholder (self->lubes_list,
                                make_placeholder (_("No lubricant yet. Add one before the "
                                                    "first session.")));
  refresh (self);
}

GtkWidget *
lento_inventory_page_new (void)
{
  return g_object_new (LENTO_TYPE_INVENTORY_PAGE, NULL);
}

LentoInventory *
lento_inventory_page_get_inventory (LentoInventoryPage *self)
{
  g_return_val_if_fail (LENTO_IS_INVENTORY_PAGE (self), NULL);

  return self->inventory;
}

void
lento_inventory_page_set_inventory (LentoInventoryPage *self,
                                    LentoInventory     *inventory)
{
  g_return_if_fail (LENTO_IS_INVENTORY_PAGE (self));
  g_return_if_fail (inventory == NULL || LENTO_IS_INVENTORY (inventory));

  if (self->inventory == inventory)
    return;

  if (self->inventory != NULL)
    g_signal_handlers_disconnect_by_func (self->inventory, inventory_changed_cb, self);

  /* What was removed from one inventory never goes back into another. */
  forget_removed (self);
  g_set_object (&self->inventory, inventory);

  if (inventory != NULL)
    g_signal_connect_object (inventory, "changed", G_CALLBACK (inventory_changed_cb), self,
                             G_CONNECT_SWAPPED);

  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      set_message (self, NULL);
      refresh (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INVENTORY]);
}

/**
 * lento_inventory_page_set_max_jump:
 * @percent: the largest step between ladder sizes before a check speaks up
 */
void
lento_inventory_page_set_max_jump (LentoInventoryPage *self,
                                   double              percent)
{
  g_return_if_fail (LENTO_IS_INVENTORY_PAGE (self));

  if (self->max_jump == percent)
    return;

  self->max_jump = percent;
  refresh_checks (self);
}

/**
 * lento_inventory_page_add_lube:
 *
 * Adds a lubricant the way the person's form does. A numbing product is
 * refused, and the page says why.
 *
 * Returns: whether the lubricant was added
 */
gboolean
lento_inventory_page_add_lube (LentoInventoryPage *self,
                               const char         *name,
                               LentoLubeKind       kind)
{
  g_autofree char *id = NULL;
  g_autoptr(LentoLube) lube = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LENTO_IS_INVENTORY_PAGE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (self->inventory == NULL)
    return FALSE;

  id = g_uuid_string_random ();
  lube = lento_lube_new (id, name, kind);

  if (!lento_inventory_add_lube (self->inventory, lube, &error))
    {
      set_message (self, error->message);
      return FALSE;
    }

  set_message (self, NULL);
  return TRUE;
}

/**
 * lento_inventory_page_add_trainer_set:
 *
 * Adds a graduated trainer set with typical sizes, each waiting for the
 * person to measure and confirm it: the page then offers to confirm them
 * all in one dialog.
 *
 * Returns: how many trainers were added
 */
guint
lento_inventory_page_add_trainer_set (LentoInventoryPage *self)
{
  g_autoptr(GPtrArray) tools = NULL;
  guint added = 0;

  g_return_val_if_fail (LENTO_IS_INVENTORY_PAGE (self), 0);

  if (self->inventory == NULL)
    return 0;

  tools = lento_inventory_dup_trainer_set_preset ();
  for (guint i = 0; i < tools->len; i++)
    {
      if (lento_inventory_add_tool (self->inventory, g_ptr_array_index (tools, i), NULL))
        added++;
    }

  /* New trainers wait for their sizes, which the Tools group says above them. */
  if (added > 0)
    set_message (self, NULL);
  else
    set_message_full (self, _("This set is already in the list."), FALSE);

  return added;
}

/**
 * lento_inventory_page_get_message:
 *
 * Returns: (nullable): the sentence the page shows about the last change, if any
 */
const char *
lento_inventory_page_get_message (LentoInventoryPage *self)
{
  g_return_val_if_fail (LENTO_IS_INVENTORY_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_box)))
    return NULL;

  return gtk_label_get_label (self->message_label);
}
