/* lento-fake-notifications.c
 *
 * Copyright 2026 The Lento authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lento-test"

#include "config.h"

#include <string.h>

#include "lento-fake-notifications.h"
#include "lento-test-ui.h"

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "  </interface>"
  "</node>";

static LentoFakeNotifications server;

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  if (g_str_equal (method_name, "Notify"))
    {
      g_clear_pointer (&server.summary, g_free);
      g_clear_pointer (&server.body, g_free);
      g_clear_pointer (&server.actions, g_strfreev);
      const char *summary;
      const char *body;

      g_variant_get (parameters, "(&su&s&s&s^as@a{sv}i)", NULL, NULL, NULL,
                     &summary, &body, &server.actions, NULL, NULL);
      server.summary = g_strdup (summary);
      server.body = g_strdup (body);
      server.count++;
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", server.count));
    }
  else if (g_str_equal (method_name, "CloseNotification"))
    {
      server.closed++;
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method_name, "GetServerInformation"))
    {
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(ssss)", "fake", "lento", "1", "1.2"));
    }
  else
    {
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
}

static const GDBusInterfaceVTable vtable = { method_call_cb, NULL, NULL, { 0 } };

LentoFakeNotifications *
lento_fake_notifications_start (void)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (introspection_xml, &error);

  g_assert_no_error (error);
  /* Held for the whole run: the name goes with the connection. */
  server.bus = bus;
  server.object_id = g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications",
                                                        info->interfaces[0], &vtable,
                                                        NULL, NULL, &error);
  g_assert_no_error (error);
  lento_test_own_name (bus, "org.freedesktop.Notifications");

  return &server;
}

/* Waits until *@counter (server.count or server.closed) reaches @count,
 * or a few seconds have passed.
 */
void
lento_fake_notifications_wait (const guint *counter,
                               guint        count)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (5, lento_test_flag_timeout_cb, &timed_out);

  while (*counter < count && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
}

void
lento_fake_notifications_assert_discreet (const char *text)
{
  const char *words[] = {
    "session", "train", "plug", "dilat", "lube", "lubric", "anal", "pain", "bleed", "size",
    "insert", "practi", "exercise",
  };
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (strstr (folded, words[i]) != NULL)
        g_error ("“%s” holds the word “%s”", text, words[i]);
    }
}


/* Lets every reply the server sent reach the application: messages on a
 * connection keep their order, so once a ping is answered the replies
 * before it have arrived, and the loop below dispatches them.
 */
void
lento_fake_notifications_flush (void)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_sync (server.bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus.Peer", "Ping", NULL, NULL,
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Unregisters the server and forgets what it recorded. */
void
lento_fake_notifications_stop (void)
{
  g_dbus_connection_unregister_object (server.bus, server.object_id);
  g_clear_object (&server.bus);
  g_clear_pointer (&server.summary, g_free);
  g_clear_pointer (&server.body, g_free);
  g_clear_pointer (&server.actions, g_strfreev);
  memset (&server, 0, sizeof server);
}
