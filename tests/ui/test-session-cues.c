/* test-session-cues.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-session-cues"

#include "config.h"

#include <gio/gio.h>

#include "lento-fake-clock.h"
#include "lento-fake-notifications.h"
#include "lento-program.h"
#include "lento-session-cues.h"

/* The shipped plan's week-two session: settle 180 s, warm-up 240 s, entry
 * 120 s, wear 600 s, cool-down 120 s, aftercare.
 */
#define TEMPLATE_ID "week2-first-trainer"
#define SEC G_USEC_PER_SEC

static LentoFakeNotifications *fake;
static GApplication *application;

/* What the fake player was asked to play, in order. */
typedef struct {
  GPtrArray *sounds;
  GArray    *volumes;
} Played;

static void
fake_play (const char *resource_path,
           double      volume,
           gpointer    user_data)
{
  Played *played = user_data;

  /* Each sound the cues ask for exists in the resources. */
  g_assert_true (g_resources_get_info (resource_path, 0, NULL, NULL, NULL));
  g_ptr_array_add (played->sounds, g_strdup (resource_path));
  g_array_append_val (played->volumes, volume);
}

typedef struct {
  LentoProgram     *program;
  LentoFakeClock   *clock;
  LentoSession     *session;
  GSettings        *settings;
  LentoSessionCues *cues;
  Played            played;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoSessionTemplate) template = NULL;

  fixture->program = lento_program_new_default (&error);
  g_assert_no_error (error);
  template = lento_program_dup_template (fixture->program, TEMPLATE_ID);
  g_assert_nonnull (template);
  fixture->clock = lento_fake_clock_new ();
  fixture->session = lento_session_new (template, LENTO_CLOCK (fixture->clock));

  fixture->settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (fixture->settings, "cue-sounds");
  g_settings_reset (fixture->settings, "cue-volume");

  fixture->played.sounds = g_ptr_array_new_with_free_func (g_free);
  fixture->played.volumes = g_array_new (FALSE, FALSE, sizeof (double));
  fixture->cues = lento_session_cues_new (application, fixture->settings);
  lento_session_cues_set_player (fixture->cues, fake_play, &fixture->played, NULL);
  lento_session_cues_set_window_active (fixture->cues, TRUE);
  lento_session_cues_set_session (fixture->cues, fixture->session);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->cues);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->clock);
  g_clear_object (&fixture->program);
  g_clear_object (&fixture->settings);
  g_clear_pointer (&fixture->played.sounds, g_ptr_array_unref);
  g_clear_pointer (&fixture->played.volumes, g_array_unref);
}

static guint
n_phases (Fixture *fixture)
{
  return lento_session_template_get_n_phases (lento_session_get_template (fixture->session));
}

static void
assert_played (Fixture    *fixture,
               guint       index,
               const char *sound,
               double      volume)
{
  g_assert_cmpuint (fixture->played.sounds->len, >, index);
  g_assert_cmpstr (g_ptr_array_index (fixture->played.sounds, index), ==, sound);
  g_assert_cmpfloat_with_epsilon (g_array_index (fixture->played.volumes, double, index),
                                  volume, 1e-9);
}

static void
test_new_destroy (void)
{
  LentoSessionCues *cues = lento_session_cues_new (NULL, NULL);

  g_assert_null (lento_session_cues_get_session (cues));
  g_assert_false (lento_session_cues_get_window_active (cues));
  g_assert_false (lento_session_cues_get_notified (cues));
  g_assert_finalize_object (cues);
}

static void
test_quiet_by_default (Fixture       *fixture,
                       gconstpointer  data)
{
  g_assert_false (g_settings_get_boolean (fixture->settings, "cue-sounds"));

  lento_session_start (fixture->session);
  for (guint i = 0; i < n_phases (fixture); i++)
    lento_session_skip (fixture->session);

  g_assert_cmpint (lento_session_get_state (fixture->session), ==, LENTO_SESSION_STATE_FINISHED);
  g_assert_cmpuint (fixture->played.sounds->len, ==, 0);
}

/* The right sound at each change, as time passes: none at start, the phase
 * chime as each later phase begins, the closing one at the end.
 */
static void
test_sound_at_each_phase (Fixture       *fixture,
                          gconstpointer  data)
{
  LentoSessionTemplate *template = lento_session_get_template (fixture->session);
  guint n = n_phases (fixture);

  g_settings_set_boolean (fixture->settings, "cue-sounds", TRUE);
  g_settings_set_double (fixture->settings, "cue-volume", 0.4);

  lento_session_start (fixture->session);
  g_assert_cmpuint (fixture->played.sounds->len, ==, 0);

  for (guint i = 0; i + 1 < n; i++)
    {
      guint seconds = lento_session_template_get_phase_seconds (template, i);

      /* Just before the end of the phase, nothing new. */
      lento_fake_clock_advance (fixture->clock, seconds * SEC - SEC);
      g_assert_cmpuint (fixture->played.sounds->len, ==, i);
      lento_fake_clock_advance (fixture->clock, SEC);
      g_assert_cmpuint (lento_session_get_phase_index (fixture->session), ==, i + 1);
      g_assert_cmpuint (fixture->played.sounds->len, ==, i + 1);
      assert_played (fixture, i, LENTO_SESSION_CUES_SOUND_PHASE, 0.4);
    }

  lento_fake_clock_advance (fixture->clock,
                            lento_session_template_get_phase_seconds (template, n - 1) * SEC);
  g_assert_cmpint (lento_session_get_state (fixture->session), ==, LENTO_SESSION_STATE_FINISHED);
  g_assert_cmpuint (fixture->played.sounds->len, ==, n);
  assert_played (fixture, n - 1, LENTO_SESSION_CUES_SOUND_DONE, 0.4);
}

typedef struct {
  const char *name;
  gboolean  (*end) (LentoSession *session);
} EndCase;

static gboolean
end_by_skipping (LentoSession *session)
{
  while (lento_session_get_state (session) == LENTO_SESSION_STATE_RUNNING)
    lento_session_skip (session);
  return TRUE;
}

static const EndCase end_cases[] = {
  { "stop", lento_session_stop },
  { "it-hurts", lento_session_it_hurts },
  { "skip-to-the-end", end_by_skipping },
};

/* Ending by one's own hand is quiet; only a session that reaches its end
 * has the closing chime.
 */
static void
test_end (Fixture       *fixture,
          gconstpointer  data)
{
  const EndCase *test = data;
  gboolean completes = test->end == end_by_skipping;
  guint before;

  g_settings_set_boolean (fixture->settings, "cue-sounds", TRUE);
  lento_session_start (fixture->session);
  lento_session_skip (fixture->session);
  before = fixture->played.sounds->len;
  g_assert_cmpuint (before, ==, 1);

  g_assert_true (test->end (fixture->session));

  if (completes)
    assert_played (fixture, fixture->played.sounds->len - 1, LENTO_SESSION_CUES_SOUND_DONE,
                   g_settings_get_double (fixture->settings, "cue-volume"));
  else
    g_assert_cmpuint (fixture->played.sounds->len, ==, before);
}

typedef struct {
  const char *name;
  double      volume;
  gboolean    plays;
} VolumeCase;

static const VolumeCase volume_cases[] = {
  { "silent", 0.0, FALSE },
  { "quiet", 0.15, TRUE },
  { "half", 0.5, TRUE },
  { "full", 1.0, TRUE },
};

static void
test_volume (Fixture       *fixture,
             gconstpointer  data)
{
  const VolumeCase *test = data;

  g_settings_set_boolean (fixture->settings, "cue-sounds", TRUE);
  g_settings_set_double (fixture->settings, "cue-volume", test->volume);
  lento_session_start (fixture->session);
  lento_session_skip (fixture->session);

  if (test->plays)
    assert_played (fixture, 0, LENTO_SESSION_CUES_SOUND_PHASE, test->volume);
  else
    g_assert_cmpuint (fixture->played.sounds->len, ==, 0);
}

/* Turning the sounds off during a session takes effect at once. */
static void
test_mute_during_session (Fixture       *fixture,
                          gconstpointer  data)
{
  g_settings_set_boolean (fixture->settings, "cue-sounds", TRUE);
  lento_session_start (fixture->session);
  lento_session_skip (fixture->session);
  g_assert_cmpuint (fixture->played.sounds->len, ==, 1);

  g_settings_set_boolean (fixture->settings, "cue-sounds", FALSE);
  lento_session_skip (fixture->session);
  lento_session_skip (fixture->session);
  g_assert_cmpuint (fixture->played.sounds->len, ==, 1);

  g_settings_set_boolean (fixture->settings, "cue-sounds", TRUE);
  lento_session_skip (fixture->session);
  g_assert_cmpuint (fixture->played.sounds->len, ==, 2);
}

/* A session that is no longer followed makes no sound. */
static void
test_forgets_old_session (Fixture       *fixture,
                          gconstpointer  data)
{
  g_settings_set_boolean (fixture->settings, "cue-sounds", TRUE);
  lento_session_start (fixture->session);
  lento_session_cues_set_session (fixture->cues, NULL);
  lento_session_skip (fixture->session);
  g_assert_cmpuint (fixture->played.sounds->len, ==, 0);
}

/* Notifications: only while the window is not focused, with neutral words,
 * withdrawn when the window gets the focus.
 */
static void
test_notification (Fixture       *fixture,
                   gconstpointer  data)
{
  guint count = fake->count;
  guint closed = fake->closed;

  lento_session_start (fixture->session);

  /* Focused: the person sees the banner; no notification. */
  lento_session_skip (fixture->session);
  g_assert_false (lento_session_cues_get_notified (fixture->cues));

  /* Looking elsewhere: one notification, and words that name no practice. */
  lento_session_cues_set_window_active (fixture->cues, FALSE);
  lento_session_skip (fixture->session);
  g_assert_true (lento_session_cues_get_notified (fixture->cues));
  lento_fake_notifications_wait (&fake->count, count + 1);
  g_assert_cmpuint (fake->count, ==, count + 1);
  g_assert_cmpstr (fake->summary, ==, "Timer");
  lento_fake_notifications_assert_discreet (fake->summary);
  lento_fake_notifications_assert_discreet (fake->body);
  /* No buttons: clicking it only brings Lento forward. */
  g_assert_cmpuint (g_strv_length (fake->actions), ==, 0);

  /* Coming back withdraws it (once the application knows the server's
   * number for it).
   */
  lento_fake_notifications_flush ();
  lento_session_cues_set_window_active (fixture->cues, TRUE);
  g_assert_false (lento_session_cues_get_notified (fixture->cues));
  lento_fake_notifications_wait (&fake->closed, closed + 1);
  g_assert_cmpuint (fake->closed, ==, closed + 1);

  /* The end while away says so, in the same neutral way. */
  while (lento_session_get_phase_index (fixture->session) + 1 < n_phases (fixture))
    lento_session_skip (fixture->session);
  g_assert_false (lento_session_cues_get_notified (fixture->cues));
  lento_session_cues_set_window_active (fixture->cues, FALSE);
  lento_session_skip (fixture->session);
  g_assert_cmpint (lento_session_get_state (fixture->session), ==, LENTO_SESSION_STATE_FINISHED);
  lento_fake_notifications_wait (&fake->count, count + 2);
  g_assert_cmpuint (fake->count, ==, count + 2);
  g_assert_cmpstr (fake->body, ==, "The timer has finished.");
  lento_fake_notifications_assert_discreet (fake->body);
  g_assert_true (lento_session_cues_get_notified (fixture->cues));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  fake = lento_fake_notifications_start ();
  application = g_application_new ("io.github.lento.Lento.CuesTest", G_APPLICATION_DEFAULT_FLAGS);
  g_application_register (application, NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func, data) \
  g_test_add ("/lento/session-cues/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/lento/session-cues/new-destroy", test_new_destroy);
  ADD ("quiet-by-default", test_quiet_by_default, NULL);
  ADD ("sound-at-each-phase", test_sound_at_each_phase, NULL);
  ADD ("mute-during-session", test_mute_during_session, NULL);
  ADD ("forgets-old-session", test_forgets_old_session, NULL);
  ADD ("notification", test_notification, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (end_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/session-cues/end/%s", end_cases[i].name);

      g_test_add (path, Fixture, &end_cases[i], fixture_set_up, test_end, fixture_tear_down);
    }
  for (guint i = 0; i < G_N_ELEMENTS (volume_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lento/session-cues/volume/%s",
                                               volume_cases[i].name);

      g_test_add (path, Fixture, &volume_cases[i], fixture_set_up, test_volume,
                  fixture_tear_down);
    }

#undef ADD

  status = g_test_run ();

  g_clear_object (&application);
  lento_fake_notifications_stop ();

  return status;
}
