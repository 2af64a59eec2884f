/* test-session-inhibit.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-session-inhibit"

#include "config.h"

#include <unistd.h>

#include <adwaita.h>

#include "lento-fake-clock.h"
#include "lento-fake-notifications.h"
#include "lento-session-view.h"
#include "lento-test-practice.h"
#include "lento-test-ui.h"

/* While a session runs, the computer must not suspend or blank: the view
 * asks the session manager through gtk_application_inhibit(), and lets go
 * when the session ends. A stand-in for the GNOME session manager on the
 * test's private bus records what it is asked. GTK asks with a blocking
 * call, so the stand-in answers from a thread with a main context of its
 * own.
 */

typedef struct {
  GMutex        lock;
  GCond         changed;
  GMainContext *context;
  GMainLoop    *loop;
  GThread      *thread;
  gboolean      ready;
  guint         inhibits;
  guint         uninhibits;
  guint         flags;
  guint         cookie;
  guint         released;
  char         *app_id;
  char         *reason;
} FakeSessionManager;

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.SessionManager'>"
  "    <method name='Inhibit'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='Uninhibit'><arg type='u' direction='in'/></method>"
  "    <method name='IsInhibited'>"
  "      <arg type='u' direction='in'/><arg type='b' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static void
fake_method_call_cb (GDBusConnection       *connection,
                     const char            *sender,
                     const char            *object_path,
                     const char            *interface_name,
                     const char            *method_name,
                     GVariant              *parameters,
                     GDBusMethodInvocation *invocation,
                     gpointer               user_data)
{
  FakeSessionManager *fake = user_data;
  GVariant *reply = NULL;

  g_mutex_lock (&fake->lock);
  if (g_str_equal (method_name, "Inhibit"))
    {
      g_clear_pointer (&fake->app_id, g_free);
      g_clear_pointer (&fake->reason, g_free);
      g_variant_get (parameters, "(susu)", &fake->app_id, NULL, &fake->reason, &fake->flags);
      fake->inhibits++;
      fake->cookie = 40 + fake->inhibits;
      reply = g_variant_new ("(u)", fake->cookie);
    }
  else if (g_str_equal (method_name, "Uninhibit"))
    {
      g_variant_get (parameters, "(u)", &fake->released);
      fake->uninhibits++;
    }
  else
    {
      reply = g_variant_new ("(b)", fake->inhibits > fake->uninhibits);
    }
  g_cond_broadcast (&fake->changed);
  g_mutex_unlock (&fake->lock);

  g_dbus_method_invocation_return_value (invocation, reply);
}

static const GDBusInterfaceVTable fake_vtable = { fake_method_call_cb, NULL, NULL, { 0 } };

static gpointer
fake_thread (gpointer data)
{
  FakeSessionManager *fake = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GDBusNodeInfo) info = NULL;
  guint object_id;

  /* Calls to the object are answered in this thread's context. */
  g_main_context_push_thread_default (fake->context);
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  info = g_dbus_node_info_new_for_xml (introspection_xml, &error);
  g_assert_no_error (error);
  object_id = g_dbus_connection_register_object (bus, "/org/gnome/SessionManager",
                                                 info->interfaces[0], &fake_vtable,
                                                 fake, NULL, &error);
  g_assert_no_error (error);
  lento_test_own_name (bus, "org.gnome.SessionManager");

  g_mutex_lock (&fake->lock);
  fake->ready = TRUE;
  g_cond_broadcast (&fake->changed);
  g_mutex_unlock (&fake->lock);

  g_main_loop_run (fake->loop);

  g_dbus_connection_unregister_object (bus, object_id);
  g_main_context_pop_thread_default (fake->context);
  return NULL;
}

static void
fake_start (FakeSessionManager *fake)
{
  g_mutex_init (&fake->lock);
  g_cond_init (&fake->changed);
  fake->context = g_main_context_new ();
  fake->loop = g_main_loop_new (fake->context, FALSE);
  fake->thread = g_thread_new ("fake-session-manager", fake_thread, fake);

  g_mutex_lock (&fake->lock);
  while (!fake->ready)
    g_cond_wait (&fake->changed, &fake->lock);
  g_mutex_unlock (&fake->lock);
}

static void
fake_stop (FakeSessionManager *fake)
{
  g_main_loop_quit (fake->loop);
  g_thread_join (fake->thread);
  g_main_loop_unref (fake->loop);
  g_main_context_unref (fake->context);
  g_free (fake->app_id);
  g_free (fake->reason);
  g_cond_clear (&fake->changed);
  g_mutex_clear (&fake->lock);
}

static guint
fake_count (FakeSessionManager *fake,
            const guint        *counter)
{
  guint count;

  g_mutex_lock (&fake->lock);
  count = *counter;
  g_mutex_unlock (&fake->lock);
  return count;
}

/* Uninhibit is sent without waiting for an answer: the main context runs
 * until it has arrived.
 */
static void
fake_wait (FakeSessionManager *fake,
           const guint        *counter,
           guint               count)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (fake_count (fake, counter) < count)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_running_session_inhibits_suspend_and_idle (void)
{
  FakeSessionManager fake = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LentoFakeClock) clock = lento_fake_clock_new ();
  g_autofree char *data_dir = NULL;
  LentoPractice *practice;
  g_autofree char *app_id = g_strdup_printf ("io.github.lento.Test.Inhibit.p%d", (int) getpid ());
  g_autoptr(GtkApplication) app = NULL;
  LentoSessionView *view;
  GtkWidget *window;

  fake_start (&fake);

  /* Every day a session day, so that today's session starts. */
  practice = lento_test_practice_new (LENTO_CLOCK (clock), &data_dir);
  lento_practice_set_weekdays (practice, 0xfe);
  g_assert_cmpint (lento_practice_get_start (practice), ==, LENTO_PRACTICE_START_NOW);

  /* GTK looks for the session manager when the application starts up. */
  app = gtk_application_new (app_id, G_APPLICATION_DEFAULT_FLAGS);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = gtk_application_window_new (app);
  view = LENTO_SESSION_VIEW (lento_session_view_new (FALSE));
  lento_session_view_set_practice (view, practice);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  lento_test_wait_for_draw (window);
  g_assert_cmpuint (fake_count (&fake, &fake.inhibits), ==, 0);

  /* The call is a blocking one: it has arrived when start returns. */
  g_assert_true (lento_session_view_start (view));
  g_assert_cmpuint (fake_count (&fake, &fake.inhibits), ==, 1);
  g_mutex_lock (&fake.lock);
  g_assert_cmpuint (fake.flags, ==, GTK_APPLICATION_INHIBIT_SUSPEND | GTK_APPLICATION_INHIBIT_IDLE);
  g_assert_cmpstr (fake.app_id, ==, app_id);
  g_assert_nonnull (fake.reason);
  g_assert_cmpstr (fake.reason, !=, "");
  /* Shown by the desktop to anyone who tries to log out. */
  lento_fake_notifications_assert_discreet (fake.reason);
  g_mutex_unlock (&fake.lock);

  /* A pause keeps the hold: the person is still in the middle of it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "session.pause", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "session.pause", NULL));
  g_assert_cmpuint (fake_count (&fake, &fake.inhibits), ==, 1);
  g_assert_cmpuint (fake_count (&fake, &fake.uninhibits), ==, 0);

  /* Ending lets go, with the cookie it was given. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "session.it-hurts", NULL));
  fake_wait (&fake, &fake.uninhibits, 1);
  g_mutex_lock (&fake.lock);
  g_assert_cmpuint (fake.released, ==, fake.cookie);
  g_mutex_unlock (&fake.lock);
  g_assert_cmpuint (fake_count (&fake, &fake.inhibits), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&app);
  lento_test_practice_free (practice, g_steal_pointer (&data_dir));
  fake_stop (&fake);
}

int
main (int   argc,
      char *argv[])
{
  lento_test_ui_init (&argc, &argv);

  g_test_add_func ("/lento/session-inhibit/running-session-inhibits-suspend-and-idle",
                   test_running_session_inhibits_suspend_and_idle);

  return g_test_run ();
}
