/* lento-setup-page.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-setup-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lento-accessible.h"
#include "lento-builder.h"
#include "lento-keys.h"
#include "lento-setup-page.h"

/* First run, one step at a time: welcome (what Lento is, and that it is not
 * medical advice), the recovery code shown once, one group of it typed back
 * so a person knows they have it, then a passphrase: optional when the
 * desktop keyring keeps the key, required when it could not.
 *
 * The page holds no key. It asks the window to create the journal with the
 * "create" signal and is handed the recovery code to show; the code is kept
 * only in a label and a secure entry buffer and dropped when set-up ends.
 */
struct _LentoSetupPage
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  GtkButton        *begin_button;

  /* The later steps, built when the person begins (lento-setup-steps.ui):
   * start-up shows only the welcome.
   */
  GtkSpinner       *creating_spinner;
  GtkLabel         *code_label;
  GtkLabel         *confirm_label;
  GtkEntry         *confirm_entry;
  GtkLabel         *confirm_error_label;
  GtkPasswordEntry *passphrase_entry;
  GtkPasswordEntry *repeat_entry;
  GtkLabel         *passphrase_error_label;
  GtkButton        *passphrase_button;
  GtkButton        *skip_button;
  GtkButton        *written_button;
  GtkButton        *try_again_button;
  AdwStatusPage    *passphrase_page;
  AdwStatusPage    *error_page;

  /* Owned: one group of the recovery code, in secure memory. */
  GtkEntryBuffer   *expected_group;

  int               confirm_group;
};

enum {
  CREATE,
  FINISHED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (LentoSetupPage, lento_setup_page, ADW_TYPE_BIN)

/* A passphrase shorter than this is refused: it would fall to guessing. */
#define MIN_PASSPHRASE_LENGTH 8

GtkWidget *
lento_setup_page_new (void)
{
  return g_object_new (LENTO_TYPE_SETUP_PAGE, NULL);
}

/**
 * lento_setup_page_get_step:
 *
 * Returns: the name of the visible step: "welcome", "creating", "recovery",
 *   "confirm", "passphrase" or "error".
 */
const char *
lento_setup_page_get_step (LentoSetupPage *self)
{
  g_return_val_if_fail (LENTO_IS_SETUP_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * lento_setup_page_get_confirm_group:
 *
 * Returns: which group of the recovery code (counting from 1) the person is
 *   asked to type back, or 0 before the code is shown.
 */
int
lento_setup_page_get_confirm_group (LentoSetupPage *self)
{
  g_return_val_if_fail (LENTO_IS_SETUP_PAGE (self), 0);

  return self->confirm_group;
}

static gboolean
passphrases_acceptable (GtkPasswordEntry *entry,
                        GtkPasswordEntry *repeat)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  const char *again = gtk_editable_get_text (GTK_EDITABLE (repeat));

  return g_utf8_strlen (text, -1) >= MIN_PASSPHRASE_LENGTH &&
         strlen (text) <= LENTO_PASSPHRASE_MAX_SIZE &&
         g_str_equal (text, again);
}

static void
lento_setup_page_passphrase_changed_cb (LentoSetupPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));

  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_button),
                            passphrases_acceptable (self->passphrase_entry, self->repeat_entry));
  /* The vault would refuse it, and the command line could not read it. */
  gtk_widget_set_visible (GTK_WIDGET (self->passphrase_error_label),
                          strlen (text) > LENTO_PASSPHRASE_MAX_SIZE);
}

/* The spinner turns only while the journal is being made: a spinner left
 * spinning on a hidden page would keep the window drawing.
 */
static void
lento_setup_page_step_cb (LentoSetupPage *self)
{
  if (self->creating_spinner == NULL)
    return;

  gtk_spinner_set_spinning (self->creating_spinner,
                            g_strcmp0 (gtk_stack_get_visible_child_name (self->stack),
                                       "creating") == 0);
}

static void lento_setup_page_begin_cb               (LentoSetupPage *self);
static void lento_setup_page_written_down_cb        (LentoSetupPage *self);
static void lento_setup_page_show_again_cb          (LentoSetupPage *self);
static void lento_setup_page_confirm_cb             (LentoSetupPage *self);
static void lento_setup_page_add_passphrase_cb      (LentoSetupPage *self);
static void lento_setup_page_skip_passphrase_cb     (LentoSetupPage *self);

/* Each step starts on what it asks of the person: the button that goes
 * on, or the field to fill in. Making the journal asks nothing.
 */
static void
lento_setup_page_focus_step (LentoSetupPage *self)
{
  const char *step = gtk_stack_get_visible_child_name (self->stack);
  GtkWidget *target = NULL;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (g_strcmp0 (step, "welcome") == 0)
    target = GTK_WIDGET (self->begin_button);
  else if (g_strcmp0 (step, "recovery") == 0)
    target = GTK_WIDGET (self->written_button);
  else if (g_strcmp0 (step, "confirm") == 0)
    target = GTK_WIDGET (self->confirm_entry);
  else if (g_strcmp0 (step, "passphrase") == 0)
    target = GTK_WIDGET (self->passphrase_entry);
  else if (g_strcmp0 (step, "error") == 0)
    target = GTK_WIDGET (self->try_again_button);

  if (target != NULL)
    gtk_widget_grab_focus (target);
}

static void
lento_setup_page_ensure_steps (LentoSetupPage *self)
{
  static const struct {
    const char *id;
    const char *step;
  } steps[] = {
    { "creating_step", "creating" },
    { "recovery_step", "recovery" },
    { "confirm_step", "confirm" },
    { "passphrase_page", "passphrase" },
    { "error_page", "error" },
  };
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GtkEntryBuffer) confirm_buffer = NULL;
  g_autofree char *too_long = NULL;

  if (self->creating_spinner != NULL)
    return;

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "lento_setup_page_begin_cb",
                                           G_CALLBACK (lento_setup_page_begin_cb),
                                           "lento_setup_page_passphrase_changed_cb",
                                           G_CALLBACK (lento_setup_page_passphrase_changed_cb),
                                           "lento_setup_page_written_down_cb",
                                           G_CALLBACK (lento_setup_page_written_down_cb),
                                           "lento_setup_page_show_again_cb",
                                           G_CALLBACK (lento_setup_page_show_again_cb),
                                           "lento_setup_page_confirm_cb",
                                           G_CALLBACK (lento_setup_page_confirm_cb),
                                           "lento_setup_page_add_passphrase_cb",
                                           G_CALLBACK (lento_setup_page_add_passphrase_cb),
                                           "lento_setup_page_skip_passphrase_cb",
                                           G_CALLBACK (lento_setup_page_skip_passphrase_cb),
                                           NULL);
  builder = lento_builder_new_for (G_OBJECT (self), RESOURCE_BASE_PATH "/lento-setup-steps.ui",
                                   scope);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    gtk_stack_add_named (self->stack, GTK_WIDGET (lento_builder_get (builder, steps[i].id)),
                         steps[i].step);
  lento_accessible_name_status_pages (GTK_WIDGET (self->stack));

  self->creating_spinner = GTK_SPINNER (lento_builder_get (builder, "creating_spinner"));
  self->code_label = GTK_LABEL (lento_builder_get (builder, "code_label"));
  self->confirm_label = GTK_LABEL (lento_builder_get (builder, "confirm_label"));
  self->confirm_entry = GTK_ENTRY (lento_builder_get (builder, "confirm_entry"));
  self->confirm_error_label = GTK_LABEL (lento_builder_get (builder, "confirm_error_label"));
  self->passphrase_entry = GTK_PASSWORD_ENTRY (lento_builder_get (builder, "passphrase_entry"));
  self->repeat_entry = GTK_PASSWORD_ENTRY (lento_builder_get (builder, "repeat_entry"));
  self->passphrase_error_label = GTK_LABEL (lento_builder_get (builder,
                                                               "passphrase_error_label"));
  self->passphrase_button = GTK_BUTTON (lento_builder_get (builder, "passphrase_button"));
  self->skip_button = GTK_BUTTON (lento_builder_get (builder, "skip_button"));
  self->written_button = GTK_BUTTON (lento_builder_get (builder, "written_button"));
  self->try_again_button = GTK_BUTTON (lento_builder_get (builder, "try_again_button"));
  self->passphrase_page = ADW_STATUS_PAGE (lento_builder_get (builder, "passphrase_page"));
  self->error_page = ADW_STATUS_PAGE (lento_builder_get (builder, "error_page"));

  too_long = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %u is the most characters a passphrase
                                            * may have, 1024.
                                            */
                                           "This passphrase is too long: Lento takes up to %u "
                                           "character, fewer with accented letters or other "
                                           "alphabets. Choose a shorter one.",
                                           "This passphrase is too long: Lento takes up to %u "
                                           "characters, fewer with accented letters or other "
                                           "alphabets. Choose a shorter one.",
                                           LENTO_PASSPHRASE_MAX_SIZE),
                              LENTO_PASSPHRASE_MAX_SIZE);
  gtk_label_set_label (self->passphrase_error_label, too_long);

  confirm_buffer = gtk_password_entry_buffer_new ();
  gtk_entry_set_buffer (self->confirm_entry, confirm_buffer);
  lento_setup_page_passphrase_changed_cb (self);
}

static void
lento_setup_page_begin_cb (LentoSetupPage *self)
{
  lento_setup_page_ensure_steps (self);
  gtk_stack_set_visible_child_name (self->stack, "creating");
  g_signal_emit (self, signals [CREATE], 0);
}

/**
 * lento_setup_page_show_recovery_code:
 * @code: the recovery code, groups separated by dashes
 * @keyring_stored: whether the desktop keyring now keeps the journal's key;
 *   when it does not, a passphrase is required before set-up ends
 *
 * Shows the code once and picks the group the person will type back.
 */
void
lento_setup_page_show_recovery_code (LentoSetupPage *self,
                                     const char     *code,
                                     gboolean        keyring_stored)
{
  g_auto(GStrv) groups = NULL;
  g_autofree char *prompt = NULL;
  guint n_groups;

  g_return_if_fail (LENTO_IS_SETUP_PAGE (self));
  g_return_if_fail (code != NULL);

  groups = g_strsplit (code, "-", -1);
  n_groups = g_strv_length (groups);
  g_return_if_fail (n_groups >= 2);

  lento_setup_page_ensure_steps (self);

  /* Any group but the first, which people remember best. */
  self->confirm_group = g_random_int_range (2, n_groups + 1);
  gtk_entry_buffer_set_text (self->expected_group, groups[self->confirm_group - 1], -1);

  gtk_label_set_label (self->code_label, code);
  /* Translators: %d is a number such as 3; the code is shown in groups. */
  prompt = g_strdup_printf (_("To be sure you have it, type group %d of your recovery code."),
                            self->confirm_group);
  gtk_label_set_label (self->confirm_label, prompt);

  for (guint i = 0; groups[i] != NULL; i++)
    memset (groups[i], 0, strlen (groups[i]));

  gtk_widget_set_visible (GTK_WIDGET (self->skip_button), keyring_stored);
  if (keyring_stored)
    {
      adw_status_page_set_title (self->passphrase_page, _("Add a Passphrase?"));
      adw_status_page_set_description (self->passphrase_page,
                                       _("Optional. The keyring opens Lento for you; a passphrase "
                                         "is one more way in, for another computer or a reset "
                                         "keyring. Use at least 8 characters."));
    }
  else
    {
      adw_status_page_set_title (self->passphrase_page, _("Choose a Passphrase"));
      adw_status_page_set_description (self->passphrase_page,
                                       _("The desktop keyring did not answer, so it cannot open "
                                         "Lento for you. Choose a passphrase to unlock the "
                                         "journal day to day. Use at least 8 characters."));
    }

  gtk_stack_set_visible_child_name (self->stack, "recovery");
  lento_setup_page_focus_step (self);
}

/**
 * lento_setup_page_show_error:
 * @title: (nullable): what went wrong, as a heading; %NULL for "The
 *   Journal Could Not Be Made"
 * @message: what happened and what to do
 */
void
lento_setup_page_show_error (LentoSetupPage *self,
                             const char     *title,
                             const char     *message)
{
  g_return_if_fail (LENTO_IS_SETUP_PAGE (self));

  lento_setup_page_ensure_steps (self);
  adw_status_page_set_title (self->error_page,
                             title != NULL ? title : _("The Journal Could Not Be Made"));
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  lento_setup_page_focus_step (self);
}

static void
lento_setup_page_written_down_cb (LentoSetupPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, "confirm");
  lento_setup_page_focus_step (self);
}

static void
lento_setup_page_show_again_cb (LentoSetupPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_error_label), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "recovery");
  lento_setup_page_focus_step (self);
}

static void
lento_setup_page_finish (LentoSetupPage *self,
                         const char     *passphrase)
{
  /* The code has been seen and confirmed: it is not kept on screen. */
  gtk_label_set_label (self->code_label, "");
  gtk_entry_buffer_set_text (self->expected_group, "", 0);
  g_signal_emit (self, signals [FINISHED], 0, passphrase);
}

static void
lento_setup_page_confirm_cb (LentoSetupPage *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->confirm_entry));
  g_autofree char *typed_upper = g_ascii_strup (g_strstrip (g_strdup (typed)), -1);
  const char *expected = gtk_entry_buffer_get_text (self->expected_group);

  if (!g_str_equal (typed_upper, expected))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->confirm_error_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->confirm_entry));
      return;
    }

  memset (typed_upper, 0, strlen (typed_upper));
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_error_label), FALSE);

  gtk_stack_set_visible_child_name (self->stack, "passphrase");
  lento_setup_page_focus_step (self);
}

static void
lento_setup_page_add_passphrase_cb (LentoSetupPage *self)
{
  if (!passphrases_acceptable (self->passphrase_entry, self->repeat_entry))
    return;

  lento_setup_page_finish (self, gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry)));
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->repeat_entry), "");
}

static void
lento_setup_page_skip_passphrase_cb (LentoSetupPage *self)
{
  /* Without the keyring, the passphrase is how the journal opens. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->skip_button)))
    lento_setup_page_finish (self, NULL);
}

static void
lento_setup_page_dispose (GObject *object)
{
  LentoSetupPage *self = LENTO_SETUP_PAGE (object);

  g_clear_object (&self->expected_group);

  G_OBJECT_CLASS (lento_setup_page_parent_class)->dispose (object);
}

static void
lento_setup_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lento_setup_page_parent_class)->map (widget);

  lento_setup_page_focus_step (LENTO_SETUP_PAGE (widget));
}

static void
lento_setup_page_class_init (LentoSetupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lento_setup_page_dispose;

  widget_class->map = lento_setup_page_map;

  /**
   * LentoSetupPage::create:
   *
   * The person asked for a journal. Answer with
   * lento_setup_page_show_recovery_code() or lento_setup_page_show_error().
   */
  signals [CREATE] =
    g_signal_new ("create",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * LentoSetupPage::finished:
   * @passphrase: (nullable): an optional passphrase to add; wiped right
   *   after the emission
   */
  signals [FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /* A container of its own, not a widget a screen reader names: GTK 4.8
   * would call it by its class name.
   */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/lento-setup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LentoSetupPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LentoSetupPage, begin_button);
  gtk_widget_class_bind_template_callback (widget_class, lento_setup_page_begin_cb);
}

static void
lento_setup_page_init (LentoSetupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lento_accessible_follow_stack (self->stack);

  self->expected_group = gtk_password_entry_buffer_new ();
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (lento_setup_page_step_cb), self, G_CONNECT_SWAPPED);
}
