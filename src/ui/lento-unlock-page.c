/* lento-unlock-page.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-unlock-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lento-unlock-page.h"

/* What a locked window shows, and nothing else: why Lento is locked, and the
 * ways back in. The page knows no keys; it emits what the person typed and
 * the window hands it to the vault. Both fields keep their text in GTK's
 * secure (non-swappable) buffer, and are emptied after every attempt.
 *
 * Focus. The page starts on the keyring, the usual way in. A way that did
 * not work hands the focus on: back to the field of a wrong passphrase or
 * recovery code, and from the keyring to the passphrase (or, without one,
 * the recovery code). An attempt takes the focus off the fields, which
 * take no input while it runs (GTK 4.8 warns about a text field that
 * loses the focus by turning insensitive or leaving the screen), and the
 * focus is put back when the attempt ends on this page.
 */
typedef enum {
  ATTEMPT_NONE,
  ATTEMPT_KEYRING,
  ATTEMPT_RECOVERY_CODE,
  ATTEMPT_PASSPHRASE,
} Attempt;

struct _LentoUnlockPage
{
  AdwBin       parent_instance;

  /* Template widgets */
  AdwStatusPage *status_page;
  GtkBox        *busy_box;
  GtkSpinner    *spinner;
  GtkEntry      *recovery_entry;
  GtkButton     *recovery_button;
  GtkWidget     *passphrase_group;
  GtkPasswordEntry *passphrase_entry;
  GtkButton     *passphrase_button;
  GtkButton     *keyring_button;

  /* Owned */
  char          *reason;

  Attempt        attempt;
  guint          focus_id;
  guint          busy : 1;
  guint          has_passphrase : 1;
};

enum {
  PROP_0,
  PROP_BUSY,
  PROP_REASON,
  PROP_HAS_PASSPHRASE,
  N_PROPS
};

enum {
  UNLOCK_WITH_RECOVERY_CODE,
  UNLOCK_WITH_PASSPHRASE,
  UNLOCK_WITH_KEYRING,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (LentoUnlockPage, lento_unlock_page, ADW_TYPE_BIN)

GtkWidget *
lento_unlock_page_new (void)
{
  return g_object_new (LENTO_TYPE_UNLOCK_PAGE, NULL);
}

/* Where the focus goes now: see the top of the file. */
static void
lento_unlock_page_focus (LentoUnlockPage *self)
{
  GtkWidget *target;

  if (self->busy || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  switch (self->attempt)
    {
    case ATTEMPT_PASSPHRASE:
      target = GTK_WIDGET (self->passphrase_entry);
      break;

    case ATTEMPT_RECOVERY_CODE:
      target = GTK_WIDGET (self->recovery_entry);
      break;

    case ATTEMPT_KEYRING:
      target = self->has_passphrase ? GTK_WIDGET (self->passphrase_entry)
                                    : GTK_WIDGET (self->recovery_entry);
      break;

    case ATTEMPT_NONE:
    default:
      target = GTK_WIDGET (self->keyring_button);
      break;
    }

  self->attempt = ATTEMPT_NONE;
  gtk_widget_grab_focus (target);
}

static void
lento_unlock_page_release_focus (LentoUnlockPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    gtk_root_set_focus (root, NULL);
}

static gboolean
lento_unlock_page_focus_cb (gpointer user_data)
{
  LentoUnlockPage *self = user_data;

  self->focus_id = 0;
  lento_unlock_page_focus (self);
  return G_SOURCE_REMOVE;
}

static void
lento_unlock_page_update (LentoUnlockPage *self)
{
  const char *recovery_text = gtk_editable_get_text (GTK_EDITABLE (self->recovery_entry));
  const char *passphrase_text = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));

  gtk_widget_set_visible (GTK_WIDGET (self->busy_box), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_visible (self->passphrase_group, self->has_passphrase);

  gtk_widget_set_sensitive (GTK_WIDGET (self->recovery_entry), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_entry), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->keyring_button), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->recovery_button),
                            !self->busy && recovery_text[0] != '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_button),
                            !self->busy && passphrase_text[0] != '\0');

  adw_status_page_set_description (self->status_page, self->reason);
}

/**
 * lento_unlock_page_set_busy:
 *
 * While busy, the page shows a spinner and takes no input: an unlock is
 * being tried.
 */
void
lento_unlock_page_set_busy (LentoUnlockPage *self,
                            gboolean         busy)
{
  g_return_if_fail (LENTO_IS_UNLOCK_PAGE (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  /* Busy without a way the person chose: the window tries the keyring. */
  if (busy && self->attempt == ATTEMPT_NONE)
    self->attempt = ATTEMPT_KEYRING;
  if (busy)
    lento_unlock_page_release_focus (self);

  self->busy = busy;
  lento_unlock_page_update (self);
  /* After the window has acted on the result: a journal that opened takes
   * the page off screen, and a field must not hold the focus as it goes.
   */
  if (!busy && self->focus_id == 0)
    self->focus_id = g_idle_add (lento_unlock_page_focus_cb, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

const char *
lento_unlock_page_get_reason (LentoUnlockPage *self)
{
  g_return_val_if_fail (LENTO_IS_UNLOCK_PAGE (self), NULL);

  return self->reason;
}

/**
 * lento_unlock_page_set_reason:
 * @reason: (nullable): a sentence that says why the journal is still locked
 *   and what the person can do
 */
void
lento_unlock_page_set_reason (LentoUnlockPage *self,
                              const char      *reason)
{
  g_return_if_fail (LENTO_IS_UNLOCK_PAGE (self));

  if (g_strcmp0 (self->reason, reason) == 0)
    return;

  g_free (self->reason);
  self->reason = g_strdup (reason);
  lento_unlock_page_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REASON]);
}

gboolean
lento_unlock_page_get_has_passphrase (LentoUnlockPage *self)
{
  g_return_val_if_fail (LENTO_IS_UNLOCK_PAGE (self), FALSE);

  return self->has_passphrase;
}

void
lento_unlock_page_set_has_passphrase (LentoUnlockPage *self,
                                      gboolean         has_passphrase)
{
  g_return_if_fail (LENTO_IS_UNLOCK_PAGE (self));

  has_passphrase = !!has_passphrase;
  if (self->has_passphrase == has_passphrase)
    return;

  self->has_passphrase = has_passphrase;
  lento_unlock_page_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_PASSPHRASE]);
}

static void
lento_unlock_page_changed_cb (LentoUnlockPage *self)
{
  lento_unlock_page_update (self);
}

static void
lento_unlock_page_recovery_cb (LentoUnlockPage *self)
{
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->recovery_entry));

  if (self->busy || code[0] == '\0')
    return;

  self->attempt = ATTEMPT_RECOVERY_CODE;
  lento_unlock_page_release_focus (self);
  g_signal_emit (self, signals [UNLOCK_WITH_RECOVERY_CODE], 0, code);
  gtk_editable_set_text (GTK_EDITABLE (self->recovery_entry), "");
  /* The code is tried at once: a page still on screen did not open. */
  lento_unlock_page_focus (self);
}

static void
lento_unlock_page_passphrase_cb (LentoUnlockPage *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));

  if (self->busy || passphrase[0] == '\0')
    return;

  self->attempt = ATTEMPT_PASSPHRASE;
  lento_unlock_page_release_focus (self);
  g_signal_emit (self, signals [UNLOCK_WITH_PASSPHRASE], 0, passphrase);
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
}

static void
lento_unlock_page_keyring_cb (LentoUnlockPage *self)
{
  if (self->busy)
    return;

  self->attempt = ATTEMPT_KEYRING;
  g_signal_emit (self, signals [UNLOCK_WITH_KEYRING], 0);
}

static void
lento_unlock_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lento_unlock_page_parent_class)->map (widget);

  lento_unlock_page_focus (LENTO_UNLOCK_PAGE (widget));
}

/* A page that leaves the screen was unlocked: the next lock starts anew. */
static void
lento_unlock_page_unmap (GtkWidget *widget)
{
  LENTO_UNLOCK_PAGE (widget)->attempt = ATTEMPT_NONE;

  GTK_WIDGET_CLASS (lento_unlock_page_parent_class)->unmap (widget);
}

static void
lento_unlock_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LentoUnlockPage *self = LENTO_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    case PROP_HAS_PASSPHRASE:
      g_value_set_boolean (value, self->has_passphrase);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_unlock_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LentoUnlockPage *self = LENTO_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      lento_unlock_page_set_busy (self, g_value_get_boolean (value));
      break;

    case PROP_REASON:
      lento_unlock_page_set_reason (self, g_value_get_string (value));
      break;

    case PROP_HAS_PASSPHRASE:
      lento_unlock_page_set_has_passphrase (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_unlock_page_finalize (GObject *object)
{
  LentoUnlockPage *self = LENTO_UNLOCK_PAGE (object);

  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (lento_unlock_page_parent_class)->finalize (object);
}

static void
lento_unlock_page_dispose (GObject *object)
{
  LentoUnlockPage *self = LENTO_UNLOCK_PAGE (object);

  g_clear_handle_id (&self->focus_id, g_source_remove);

  G_OBJECT_CLASS (lento_unlock_page_parent_class)->dispose (object);
}

static void
lento_unlock_page_class_init (LentoUnlockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lento_unlock_page_dispose;
  object_class->finalize = lento_unlock_page_finalize;
  object_class->get_property = lento_unlock_page_get_property;
  object_class->set_property = lento_unlock_page_set_property;

  widget_class->map = lento_unlock_page_map;
  widget_class->unmap = lento_unlock_page_unmap;

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_HAS_PASSPHRASE] =
    g_param_spec_boolean ("has-passphrase", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The strings passed with these signals live in secure memory owned by
   * the page and are wiped right after the emission: copy what you keep.
   */
  signals [UNLOCK_WITH_RECOVERY_CODE] =
    g_signal_new ("unlock-with-recovery-code",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals [UNLOCK_WITH_PASSPHRASE] =
    g_signal_new ("unlock-with-passphrase",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals [UNLOCK_WITH_KEYRING] =
    g_signal_new ("unlock-with-keyring",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* A container of its own, not a widget a screen reader names: GTK 4.8
   * would call it by its class name.
   */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/lento-unlock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LentoUnlockPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, LentoUnlockPage, busy_box);
  gtk_widget_class_bind_template_child (widget_class, LentoUnlockPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, LentoUnlockPage, recovery_entry);
  gtk_widget_class_bind_template_child (widget_class, LentoUnlockPage, recovery_button);
  gtk_widget_class_bind_template_child (widget_class, LentoUnlockPage, passphrase_group);
  gtk_widget_class_bind_template_child (widget_class, LentoUnlockPage, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, LentoUnlockPage, passphrase_button);
  gtk_widget_class_bind_template_child (widget_class, LentoUnlockPage, keyring_button);
  gtk_widget_class_bind_template_callback (widget_class, lento_unlock_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, lento_unlock_page_recovery_cb);
  gtk_widget_class_bind_template_callback (widget_class, lento_unlock_page_passphrase_cb);
  gtk_widget_class_bind_template_callback (widget_class, lento_unlock_page_keyring_cb);
}

static void
lento_unlock_page_init (LentoUnlockPage *self)
{
  g_autoptr(GtkEntryBuffer) secure_buffer = gtk_password_entry_buffer_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* A recovery code is typed where it can be seen, but kept like a password. */
  gtk_entry_set_buffer (self->recovery_entry, secure_buffer);

  lento_unlock_page_update (self);
}
