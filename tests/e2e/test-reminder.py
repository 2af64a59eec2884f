# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The reminder through the real path: Lento started as a background service
with reminders on, a stand-in notification server on the test's session bus.
The reminder arrives while Lento is locked, says nothing about the training
(even with the descriptive text chosen, since a locked Lento keeps it
neutral), and its Skip today and Start buttons reach the application.
Started in the background, Lento leaves a journal locked even when its key
waits in the keyring: only a window opens it."""

import os
import subprocess
import tempfile
import time

import gi
gi.require_version('Gio', '2.0')
from gi.repository import Gio, GLib  # noqa: E402

import pyatspi  # noqa: E402

from lento_e2e import (KEY_Q, KEYCODE_CONTROL, Lento, Tap, complete_setup,  # noqa: E402
                       lento_schema, problem_lines, settings_env, wait_until)

# Words a discreet reminder never holds, folded to lower case.
TRAINING_WORDS = ('session', 'train', 'plug', 'dilat', 'lube', 'lubric', 'anal', 'pain',
                  'bleed', 'size', 'insert', 'practi', 'exercise', 'plan', 'journal')

INTERFACE_XML = '''
<node>
  <interface name='org.freedesktop.Notifications'>
    <method name='Notify'>
      <arg type='s' direction='in'/><arg type='u' direction='in'/>
      <arg type='s' direction='in'/><arg type='s' direction='in'/>
      <arg type='s' direction='in'/><arg type='as' direction='in'/>
      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>
      <arg type='u' direction='out'/>
    </method>
    <method name='CloseNotification'><arg type='u' direction='in'/></method>
    <method name='GetCapabilities'><arg type='as' direction='out'/></method>
    <method name='GetServerInformation'>
      <arg type='s' direction='out'/><arg type='s' direction='out'/>
      <arg type='s' direction='out'/><arg type='s' direction='out'/>
    </method>
    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>
    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>
  </interface>
</node>
'''


class FakeNotifications:
    """Records what it is asked to show, as the desktop's server would."""

    def __init__(self):
        self.bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        self.notified = []   # (id, summary, body, actions)
        self.closed = []
        info = Gio.DBusNodeInfo.new_for_xml(INTERFACE_XML)
        self.object_id = self.bus.register_object(
            '/org/freedesktop/Notifications', info.interfaces[0], self._method_call, None, None)
        reply = self.bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus',
                                   'org.freedesktop.DBus', 'RequestName',
                                   GLib.Variant('(su)', ('org.freedesktop.Notifications', 4)),
                                   GLib.VariantType('(u)'), Gio.DBusCallFlags.NONE, -1, None)
        # 1: the primary owner.
        assert reply.unpack()[0] == 1

    def _method_call(self, connection, sender, path, interface, method, parameters,
                     invocation):
        if method == 'Notify':
            _app, _replaces, _icon, summary, body, actions, _hints, _timeout = parameters.unpack()
            notify_id = len(self.notified) + 1
            self.notified.append((notify_id, summary, body, actions))
            invocation.return_value(GLib.Variant('(u)', (notify_id,)))
        elif method == 'CloseNotification':
            self.closed.append(parameters.unpack()[0])
            invocation.return_value(None)
        elif method == 'GetCapabilities':
            invocation.return_value(GLib.Variant('(as)', (['actions', 'body'],)))
        elif method == 'GetServerInformation':
            invocation.return_value(GLib.Variant('(ssss)', ('fake', 'lento', '1', '1.2')))
        else:
            invocation.return_value(None)

    def invoke(self, notify_id, action):
        """What the desktop does when a button of the notification is pressed."""
        self.bus.emit_signal(None, '/org/freedesktop/Notifications',
                             'org.freedesktop.Notifications', 'ActionInvoked',
                             GLib.Variant('(us)', (notify_id, action)))
        self.bus.flush_sync(None)


def pump_until(predicate, timeout=10.0):
    """Serves the fake server's calls until @predicate holds."""
    context = GLib.MainContext.default()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        while context.pending():
            context.iteration(False)
        if predicate():
            return True
        time.sleep(0.05)
    return False


def start_service(values, data_home=None):
    """Lento as the desktop starts it at login or on D-Bus activation, with
    @values in its settings and the journal in @data_home, if any. Returns
    the process and its application id."""
    schema_id, _path = lento_schema()
    env = dict(os.environ)
    settings_env(env, values)
    env['XDG_DATA_HOME'] = data_home or tempfile.mkdtemp(prefix='lento-e2e-')
    env['GSETTINGS_SCHEMA_DIR'] = os.path.join(os.environ['LENTO_BUILD_DIR'], 'data')
    env['G_DEBUG'] = 'gc-friendly,fatal-warnings'
    env.pop('NO_AT_BRIDGE', None)
    env.pop('GTK_A11Y', None)
    wait_until(lambda: pyatspi.Registry.getDesktop(0) is not None)
    process = subprocess.Popen(
        [os.path.join(os.environ['LENTO_BUILD_DIR'], 'src', 'lento'), '--gapplication-service'],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return process, schema_id


def quit_service(server, process, schema_id):
    """Asks Lento to quit over D-Bus, as the desktop can; returns (status, stderr)."""
    object_path = '/' + schema_id.replace('.', '/')
    try:
        server.bus.call_sync(schema_id, object_path, 'org.gtk.Actions', 'Activate',
                             GLib.Variant('(sava{sv})', ('quit', [], {})),
                             None, Gio.DBusCallFlags.NONE, 5000, None)
    except GLib.Error:
        pass
    try:
        _out, err = process.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        _out, err = process.communicate()
        return None, err
    return process.returncode, err


def action_enabled(server, schema_id, name):
    """Whether the application action @name is enabled, as the desktop sees it."""
    object_path = '/' + schema_id.replace('.', '/')
    reply = server.bus.call_sync(schema_id, object_path, 'org.gtk.Actions', 'Describe',
                                 GLib.Variant('(s)', (name,)), GLib.VariantType('((bgav))',),
                                 Gio.DBusCallFlags.NONE, 5000, None)
    return reply.unpack()[0][0]


def returning_journal(tap):
    """A journal set up through the window, its key left in the keyring;
    returns the folder it is in."""
    lento = Lento()
    tap.check(complete_setup(lento, tap) is not None, 'a journal is set up for the returning start')
    lento.key(KEY_Q, [KEYCODE_CONTROL])
    status, _err = lento.finish()
    tap.check(status == 0, f'the set-up run quits cleanly ({status})')
    return lento.data_home


def check_background_start(tap, server, base):
    """A returning person's Lento, started in the background: the reminder
    comes, and the journal stays locked until a window is opened."""
    data_home = returning_journal(tap)
    values = dict(base, **{'reminder-text': "'descriptive'"})
    first = len(server.notified)
    process, schema_id = start_service(values, data_home)

    arrived = pump_until(lambda: len(server.notified) > first, timeout=20)
    tap.check(arrived, 'a returning Lento started in the background sends the reminder')
    # Time for a journal the keyring could open to be opened and read.
    time.sleep(2)
    pump_until(lambda: False, timeout=0.5)
    tap.check(not action_enabled(server, schema_id, 'preferences'),
              'started in the background, Lento keeps the journal locked, its key in the '
              'keyring notwithstanding')
    tap.check(not lento_frames(process.pid), 'started in the background, Lento shows no window')
    if arrived:
        notify_id, summary, body, _actions = server.notified[-1]
        tap.check(not training_words_in(summary) and not training_words_in(body),
                  f'the reminder of a journal left locked is neutral: “{summary}” / “{body}”')
        # Start shows the window, which opens the journal from the keyring:
        # the check above could have seen an open journal.
        server.invoke(notify_id, 'app.start-session')
        tap.check(wait_until(lambda: action_enabled(server, schema_id, 'preferences'),
                             timeout=20),
                  'the window that Start opens unlocks the journal from the keyring')

    status, err = quit_service(server, process, schema_id)
    tap.check(status == 0, f'the returning Lento quits cleanly when asked over D-Bus: {status}')
    tap.check(not problem_lines(err), f'no warnings (returning): {problem_lines(err)[:3]}')


def training_words_in(text):
    folded = text.casefold()
    return [word for word in TRAINING_WORDS if word in folded]


def lento_frames(pid):
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.get_process_id() == pid:
            return [frame for frame in app if frame is not None]
    return []


def main():
    tap = Tap()
    server = FakeNotifications()

    # Every day planned, due since midnight: the days are the copy a
    # previous unlocked run mirrored into the settings, and Lento is locked.
    base = {'reminders-enabled': 'true', 'reminder-minute': '0', 'reminder-weekdays': '254'}
    for text in ('discreet', 'descriptive'):
        values = dict(base, **{'reminder-text': f"'{text}'"})
        first = len(server.notified)
        process, schema_id = start_service(values)

        arrived = pump_until(lambda: len(server.notified) > first, timeout=20)
        tap.check(arrived, f'a locked Lento running as a service sends the reminder ({text})')
        if arrived:
            notify_id, summary, body, actions = server.notified[-1]
            tap.check(summary and body, f'the reminder has a title and a body ({text})')
            tap.check(not training_words_in(summary) and not training_words_in(body),
                      f'the title and body hold no training words ({text}): '
                      f'“{summary}” / “{body}”')
            tap.check('app.start-session' in actions and 'app.skip-today' in actions,
                      f'the reminder offers Start and Skip today ({text})')

            time.sleep(2)
            pump_until(lambda: False, timeout=0.5)
            tap.check(len(server.notified) == first + 1, f'one reminder, not more ({text})')

            # A pressed button is used up, so each run presses one.
            if text == 'discreet':
                server.invoke(notify_id, 'app.skip-today')
                tap.check(pump_until(lambda: notify_id in server.closed),
                          'Skip today withdraws the reminder')
            else:
                server.invoke(notify_id, 'app.start-session')
                tap.check(wait_until(lambda: len(lento_frames(process.pid)) > 0, timeout=20),
                          'Start opens the window (behind the unlock page while locked)')

        status, err = quit_service(server, process, schema_id)
        tap.check(status == 0, f'Lento quits cleanly when asked over D-Bus ({text}): {status}')
        tap.check(not problem_lines(err), f'no warnings ({text}): {problem_lines(err)[:3]}')

    check_background_start(tap, server, base)
    tap.finish()


if __name__ == '__main__':
    main()
