/* lento-session-cues.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-session-cues"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "lento-session-cues.h"

/*
 * LentoSessionCues tells a person that a session moved on when they may
 * not be looking: a soft chime, and a notification while the window is not
 * focused. It listens to the session's signals and owns no widget, so the
 * session view stays about what is on screen.
 *
 * Sounds are off until the person turns them on in Preferences: a chime
 * can be heard by others in the room or through a wall, and someone who
 * keeps this practice private should never be surprised by one. The first
 * phase makes no sound (the person just pressed Start); every later phase
 * change plays the phase chime, and a session that runs to its end plays
 * the closing one. Stopping, by Stop or "It hurts", is the person's own
 * act and stays quiet.
 *
 * The notification says only that the timer moved on: its words are seen
 * on a lock screen or a shared monitor, so they name no practice. It goes
 * away when the window gets the focus, and there is only ever one.
 */

struct _LentoSessionCues
{
  GObject          parent_instance;

  /* Owned */
  GApplication    *application;
  GSettings       *settings;
  LentoSession    *session;
  GtkMediaStream  *stream;
  gpointer         play_data;
  GDestroyNotify   play_destroy;

  LentoCuePlayFunc play;
  gboolean         window_active;
  gboolean         notified;
};

G_DEFINE_FINAL_TYPE (LentoSessionCues, lento_session_cues, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_APPLICATION,
  PROP_SETTINGS,
  PROP_SESSION,
  PROP_WINDOW_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The real player. One sound at a time: a new one replaces the last. */
static void
play_media_file (const char *resource_path,
                 double      volume,
                 gpointer    user_data)
{
  LentoSessionCues *self = user_data;

  g_clear_object (&self->stream);
  self->stream = gtk_media_file_new_for_resource (resource_path);
  gtk_media_stream_set_volume (self->stream, volume);
  gtk_media_stream_play (self->stream);
}

static void
play (LentoSessionCues *self,
      const char       *resource_path)
{
  double volume;

  if (self->settings == NULL || !g_settings_get_boolean (self->settings, "cue-sounds"))
    return;

  volume = g_settings_get_double (self->settings, "cue-volume");
  if (volume <= 0.0)
    return;

  self->play (resource_path, volume, self->play_data);
}

/* The window builds its views before it has joined the application, so
 * without one of its own the default application sends.
 */
static GApplication *
get_application (LentoSessionCues *self)
{
  GApplication *application = self->application != NULL ? self->application
                                                         : g_application_get_default ();

  if (application == NULL || g_application_get_dbus_connection (application) == NULL)
    return NULL;

  return application;
}

static void
withdraw (LentoSessionCues *self)
{
  GApplication *application = get_application (self);

  if (!self->notified)
    return;

  self->notified = FALSE;
  if (application != NULL)
    g_application_withdraw_notification (application, LENTO_SESSION_CUES_NOTIFICATION_ID);
}

static void
notify_person (LentoSessionCues *self,
               const char       *body)
{
  g_autoptr(GNotification) notification = NULL;
  GApplication *application = get_application (self);

  if (self->window_active || application == NULL)
    return;

  notification = g_notification_new (_("Timer"));
  g_notification_set_body (notification, body);
  /* No default action: clicking it activates the application, which
   * brings the window forward.
   */
  g_application_send_notification (application, LENTO_SESSION_CUES_NOTIFICATION_ID,
                                   notification);
  self->notified = TRUE;
}

static void
phase_changed_cb (LentoSessionCues *self,
                  guint             phase,
                  LentoPhaseKind    kind,
                  LentoSession     *session)
{
  if (phase == 0)
    return;

  play (self, LENTO_SESSION_CUES_SOUND_PHASE);
  notify_person (self, _("The timer moved on to the next part."));
}

static void
finished_cb (LentoSessionCues   *self,
             LentoSessionResult *result,
             LentoSession       *session)
{
  if (lento_session_result_get_ended_by (result) != LENTO_SESSION_END_COMPLETED)
    {
      withdraw (self);
      return;
    }

  play (self, LENTO_SESSION_CUES_SOUND_DONE);
  notify_person (self, _("The timer has finished."));
}

/* GObject */

static void
lento_session_cues_dispose (GObject *object)
{
  LentoSessionCues *self = (LentoSessionCues *)object;

  lento_session_cues_set_session (self, NULL);
  withdraw (self);
  g_clear_object (&self->stream);
  g_clear_object (&self->settings);
  g_clear_object (&self->application);

  if (self->play_destroy != NULL)
    g_clear_pointer (&self->play_data, self->play_destroy);
  self->play_destroy = NULL;

  G_OBJECT_CLASS (lento_session_cues_parent_class)->dispose (object);
}

static void
lento_session_cues_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LentoSessionCues *self = LENTO_SESSION_CUES (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_WINDOW_ACTIVE:
      g_value_set_boolean (value, self->window_active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_session_cues_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LentoSessionCues *self = LENTO_SESSION_CUES (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      self->application = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_SESSION:
      lento_session_cues_set_session (self, g_value_get_object (value));
      break;

    case PROP_WINDOW_ACTIVE:
      lento_session_cues_set_window_active (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lento_session_cues_class_init (LentoSessionCuesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lento_session_cues_dispose;
  object_class->get_property = lento_session_cues_get_property;
  object_class->set_property = lento_session_cues_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL,
                         G_TYPE_APPLICATION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * LentoSessionCues:session: (nullable)
   *
   * The session whose changes are announced.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         LENTO_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * LentoSessionCues:window-active:
   *
   * Whether the person is looking at the window; the window binds its
   * #GtkWindow:is-active here. No notification is sent while it is %TRUE,
   * and becoming %TRUE withdraws the last one.
   */
  properties[PROP_WINDOW_ACTIVE] =
    g_param_spec_boolean ("window-active", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lento_session_cues_init (LentoSessionCues *self)
{
  self->play = play_media_file;
  self->play_data = self;
}

/* Public API */

/**
 * lento_session_cues_new:
 * @application: (nullable): the application that sends notifications, or
 *   %NULL for the default application at the time
 * @settings: (nullable): the settings with cue-sounds and cue-volume;
 *   without them there are no sounds
 *
 * Returns: (transfer full): a new #LentoSessionCues
 */
LentoSessionCues *
lento_session_cues_new (GApplication *application,
                        GSettings    *settings)
{
  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (LENTO_TYPE_SESSION_CUES,
                       "application", application,
                       "settings", settings,
                       NULL);
}

/**
 * lento_session_cues_get_session:
 * @self: a #LentoSessionCues
 *
 * Returns: (transfer none) (nullable): the session being followed
 */
LentoSession *
lento_session_cues_get_session (LentoSessionCues *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION_CUES (self), NULL);

  return self->session;
}

/**
 * lento_session_cues_set_session:
 * @self: a #LentoSessionCues
 * @session: (nullable): the session to follow
 */
void
lento_session_cues_set_session (LentoSessionCues *self,
                                LentoSession     *session)
{
  g_return_if_fail (LENTO_IS_SESSION_CUES (self));
  g_return_if_fail (session == NULL || LENTO_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);

  /* A notification about the last session means nothing now. */
  withdraw (self);
  g_set_object (&self->session, session);

  if (session != NULL)
    {
      g_signal_connect_object (session, "phase-changed", G_CALLBACK (phase_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "finished", G_CALLBACK (finished_cb), self,
                               G_CONNECT_SWAPPED);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * lento_session_cues_get_window_active:
 * @self: a #LentoSessionCues
 *
 * Returns: whether the window has the focus
 */
gboolean
lento_session_cues_get_window_active (LentoSessionCues *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION_CUES (self), FALSE);

  return self->window_active;
}

/**
 * lento_session_cues_set_window_active:
 * @self: a #LentoSessionCues
 * @window_active: whether the window has the focus
 */
void
lento_session_cues_set_window_active (LentoSessionCues *self,
                                      gboolean          window_active)
{
  g_return_if_fail (LENTO_IS_SESSION_CUES (self));

  window_active = !!window_active;
  if (self->window_active == window_active)
    return;

  self->window_active = window_active;
  if (window_active)
    withdraw (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW_ACTIVE]);
}

/**
 * lento_session_cues_set_player:
 * @self: a #LentoSessionCues
 * @play: (nullable): what plays a sound, or %NULL for GtkMediaFile
 * @user_data: data for @play
 * @destroy: (nullable): frees @user_data
 *
 * Replaces the sound player; tests use it so that they need no sound card.
 */
void
lento_session_cues_set_player (LentoSessionCues *self,
                               LentoCuePlayFunc  play_func,
                               gpointer          user_data,
                               GDestroyNotify    destroy)
{
  g_return_if_fail (LENTO_IS_SESSION_CUES (self));

  if (self->play_destroy != NULL)
    self->play_destroy (self->play_data);

  self->play = play_func != NULL ? play_func : play_media_file;
  self->play_data = play_func != NULL ? user_data : self;
  self->play_destroy = play_func != NULL ? destroy : NULL;
}

/**
 * lento_session_cues_get_notified:
 * @self: a #LentoSessionCues
 *
 * Returns: whether a notification sent by @self is showing, as far as
 *   Lento knows
 */
gboolean
lento_session_cues_get_notified (LentoSessionCues *self)
{
  g_return_val_if_fail (LENTO_IS_SESSION_CUES (self), FALSE);

  return self->notified;
}
