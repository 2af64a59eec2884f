#!/usr/bin/python3
# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Lento installed as a packager installs it, started as a desktop starts it.

Configures this source tree again with a throwaway --prefix (not --destdir:
the D-Bus service file names the binary by its installed path, and Lento finds
its translations there, so only a real prefix can be started honestly), builds
what gets installed and runs `meson install`. Every file lands where a desktop
looks, and nothing else is installed. A session bus started with the prefix in
XDG_DATA_DIRS, as a desktop session starts with /usr/local/share in it, must
find the service file: Lento is started once by D-Bus activation, as GNOME
Shell starts a DBusActivatable app, and once by `gio launch` of the installed
desktop file; each time its window appears on the accessibility bus and Lento
quits when asked. `lento --help` runs from the prefix. `ninja uninstall` then
removes every installed file: what remains is only the three caches that the
install's post-install step generated (compiled schemas, icon cache, desktop
database), which no meson uninstall removes; the test removes them and the
empty folders and checks that the prefix is gone."""

import ctypes
import gettext
import json
import os
import subprocess
import xml.etree.ElementTree as ElementTree

import gi

gi.require_version('Gio', '2.0')
from gi.repository import Gio, GLib  # noqa: E402

from lento_packaging import (APPLICATION_ID, PROFILE, SOURCE_DIR, Scratch, Tap,  # noqa: E402
                             clean_env, linguas, log, run, skip_all)

# Written by gnome.post_install at install time, so not in meson's install log.
POST_INSTALL_CACHES = {
    'share/glib-2.0/schemas/gschemas.compiled',
    'share/icons/hicolor/icon-theme.cache',
    'share/applications/mimeinfo.cache',
}

RESOURCE_BASE = '/io/github/lento/Lento/'
# What the binary carries in its GResource instead of installing it.
BUNDLED = {
    'plan/program.json': 'data/plan/program.json',
    'sounds/phase.wav': 'data/sounds/phase.wav',
    'sounds/done.wav': 'data/sounds/done.wav',
}

if not os.environ.get('DISPLAY') or not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
    skip_all('needs a display and a session bus: run it under build-aux/test-session')

# The accessibility bus of the test session serves Lento and this test alike;
# otherwise the private bus below would start one of its own for each.
outer_bus = Gio.bus_get_sync(Gio.BusType.SESSION)
a11y_address = outer_bus.call_sync('org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus', 'GetAddress',
                                   None, GLib.VariantType('(s)'), Gio.DBusCallFlags.NONE, 10000,
                                   None).unpack()[0]
os.environ['AT_SPI_BUS_ADDRESS'] = a11y_address

import pyatspi  # noqa: E402

from lento_e2e import has_name, is_on_screen, problem_lines, wait_until  # noqa: E402

tap = Tap()
languages = linguas()


def expected_files():
    files = {
        'bin/lento',
        f'share/applications/{APPLICATION_ID}.desktop',
        f'share/dbus-1/services/{APPLICATION_ID}.service',
        f'share/metainfo/{APPLICATION_ID}.metainfo.xml',
        f'share/glib-2.0/schemas/{APPLICATION_ID}.gschema.xml',
        f'share/icons/hicolor/scalable/apps/{APPLICATION_ID}.svg',
        f'share/icons/hicolor/symbolic/apps/{APPLICATION_ID}-symbolic.svg',
    }
    files |= {f'share/locale/{lang}/LC_MESSAGES/lento.mo' for lang in languages}
    return files


def build_and_install(build, prefix):
    configured = run(['meson', 'setup', build, SOURCE_DIR, f'--prefix={prefix}',
                      '--buildtype=plain', f'-Dprofile={PROFILE}'], env=clean_env())
    if not tap.check(configured.returncode == 0, f'the source configures with --prefix={prefix}'):
        tap.finish()
    tap.timed('configure')

    # Only what gets installed: the tests are built and run elsewhere.
    introspected = run(['meson', 'introspect', build, '--targets'], env=clean_env())
    targets = [os.path.relpath(path, build)
               for target in json.loads(introspected.stdout) if target['installed']
               for path in target['filename']] if introspected.returncode == 0 else []
    built = run(['ninja', '-C', build, *targets], env=clean_env(), timeout=600)
    if not tap.check(built.returncode == 0 and targets,
                     f'what gets installed builds ({", ".join(sorted(targets))})'):
        tap.finish()
    tap.timed('build')

    installed = run(['meson', 'install', '-C', build, '--no-rebuild'], env=clean_env())
    if not tap.check(installed.returncode == 0, 'meson install succeeds'):
        tap.finish()
    tap.timed('install')


def install_log(build):
    """The files and folders meson's install log lists, relative to the prefix."""
    with open(os.path.join(build, 'meson-logs', 'install-log.txt'), encoding='utf-8') as f:
        return [line.strip() for line in f if line.strip() and not line.startswith('#')]


def key_file(path):
    keys = GLib.KeyFile()
    keys.load_from_file(path, GLib.KeyFileFlags.NONE)
    return keys


def check_files(prefix, logged):
    files = {os.path.relpath(p, prefix) for p in logged if os.path.isfile(p)}
    expected = expected_files()
    tap.check(files == expected,
              'meson installs exactly the binary, desktop file, D-Bus service, metainfo, schema, '
              f'two icons and a message catalogue for each language in LINGUAS ({len(languages)})',
              f'missing: {sorted(expected - files)}; not expected: {sorted(files - expected)}')

    binary = os.path.join(prefix, 'bin', 'lento')
    tap.check(os.access(binary, os.X_OK), 'bin/lento is executable')

    desktop = key_file(os.path.join(prefix, 'share', 'applications', f'{APPLICATION_ID}.desktop'))
    entry = 'Desktop Entry'
    tap.check(desktop.get_boolean(entry, 'DBusActivatable')
              and desktop.get_string(entry, 'Exec') == 'lento'
              and desktop.get_string(entry, 'Icon') == APPLICATION_ID,
              'the desktop file is DBusActivatable, runs lento and names the icon by the app ID')

    service = key_file(os.path.join(prefix, 'share', 'dbus-1', 'services',
                                    f'{APPLICATION_ID}.service'))
    exec_line = service.get_string('D-BUS Service', 'Exec')
    tap.check(service.get_string('D-BUS Service', 'Name') == APPLICATION_ID
              and exec_line == f'{binary} --gapplication-service',
              f'the D-Bus service starts the installed binary ({exec_line})')

    metainfo = ElementTree.parse(os.path.join(prefix, 'share', 'metainfo',
                                              f'{APPLICATION_ID}.metainfo.xml')).getroot()
    tap.check(metainfo.findtext('id') == APPLICATION_ID
              and metainfo.findtext('launchable') == f'{APPLICATION_ID}.desktop',
              'the metainfo names the app ID and the installed desktop file')

    schemas = os.path.join(prefix, 'share', 'glib-2.0', 'schemas')
    source = Gio.SettingsSchemaSource.new_from_directory(schemas, None, True)
    tap.check(source.lookup(APPLICATION_ID, False) is not None,
              'the schema is installed and compiled in the prefix')

    for kind, name in (('scalable', APPLICATION_ID), ('symbolic', f'{APPLICATION_ID}-symbolic')):
        path = os.path.join(prefix, 'share', 'icons', 'hicolor', kind, 'apps', f'{name}.svg')
        root = ElementTree.parse(path).getroot()
        tap.check(root.tag.endswith('svg'), f'the {kind} icon {name}.svg is an SVG')

    for name, source_path in BUNDLED.items():
        extracted = run(['gresource', 'extract', binary, RESOURCE_BASE + name],
                        text=False, env=clean_env())
        with open(os.path.join(SOURCE_DIR, source_path), 'rb') as f:
            tap.check(extracted.returncode == 0 and extracted.stdout == f.read(),
                      f'the installed binary carries {source_path} in its GResource')

    for lang in languages:
        path = os.path.join(prefix, 'share', 'locale', lang, 'LC_MESSAGES', 'lento.mo')
        tap.check(os.path.isfile(path), f'the {lang} catalogue is installed')


class PrivateSession:
    """A session bus started as a desktop session starts one: its service
    folders come from XDG_DATA_DIRS, read once at its start. What Lento finds
    in its environment is what the bus was started with."""

    def __init__(self, scratch, prefix):
        self.prefix = prefix
        for name in ('data', 'config', 'cache'):
            os.makedirs(os.path.join(scratch, name))
        self.env = clean_env(
            XDG_DATA_DIRS=os.path.join(prefix, 'share') + ':/usr/local/share:/usr/share',
            XDG_DATA_HOME=os.path.join(scratch, 'data'),
            XDG_CONFIG_HOME=os.path.join(scratch, 'config'),
            XDG_CACHE_HOME=os.path.join(scratch, 'cache'),
            PATH=os.path.join(prefix, 'bin') + ':' + os.environ['PATH'],
            GSETTINGS_BACKEND='memory',
            G_DEBUG='gc-friendly,fatal-warnings')
        for name in ('NO_AT_BRIDGE', 'GTK_A11Y'):
            self.env.pop(name, None)
        self.stderr_path = os.path.join(scratch, 'session-bus.log')
        self.stderr = open(self.stderr_path, 'w')
        self.daemon = subprocess.Popen(
            ['dbus-daemon', '--session', '--nofork', '--print-address=1'],
            env=self.env, stdout=subprocess.PIPE, stderr=self.stderr, text=True)
        self.address = self.daemon.stdout.readline().strip()
        self.env['DBUS_SESSION_BUS_ADDRESS'] = self.address
        self.bus = Gio.DBusConnection.new_for_address_sync(
            self.address,
            Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT
            | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION, None, None)

    def call(self, name, path, interface, method, args, reply='()', auto_start=False):
        flags = Gio.DBusCallFlags.NONE if auto_start else Gio.DBusCallFlags.NO_AUTO_START
        return self.bus.call_sync(name, path, interface, method, args, GLib.VariantType(reply),
                                  flags, 30000, None).unpack()

    def bus_call(self, method, args, reply):
        return self.call('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                         method, args, reply)[0]

    def has_owner(self, name):
        return self.bus_call('NameHasOwner', GLib.Variant('(s)', (name,)), '(b)')

    def problems(self, path):
        """What Lento wrote to stderr, which is the bus's when the bus started
        it, as on a desktop."""
        self.stderr.flush()
        with open(path, encoding='utf-8', errors='replace') as f:
            return problem_lines('\n'.join(line for line in f
                                           if not line.startswith('dbus-daemon[')))

    def close(self):
        self.daemon.terminate()
        self.daemon.wait(timeout=10)
        self.stderr.close()


def accessible_app(pid):
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.get_process_id() == pid and app.childCount > 0:
            return app
    return None


def find_all(node, role, name, depth=0):
    if node is None or depth > 40:
        return []
    found = [node] if node.getRole() == role and has_name(node, name) else []
    for child in node:
        found += find_all(child, role, name, depth + 1)
    return found


def process_gone(pid):
    """Whether @pid has exited. An orphan that this test adopted as subreaper
    is reaped here; its exit status is returned in place of True."""
    try:
        with open(f'/proc/{pid}/stat', encoding='utf-8') as f:
            state = f.read().rsplit(')', 1)[1].split()[0]
    except FileNotFoundError:
        return True
    if state != 'Z':
        return False
    try:
        reaped, status = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    if reaped == 0:
        return False
    return ('exit status', os.waitstatus_to_exitcode(status))


def check_started(session, how, by_bus, stderr_path):
    """Lento was started by @how: it is the installed binary, started from the
    service file when @by_bus, and its window is on screen; then it quits."""
    binary = os.path.realpath(os.path.join(session.prefix, 'bin', 'lento'))
    if not tap.check(wait_until(lambda: session.has_owner(APPLICATION_ID), timeout=30),
                     f'{how}: {APPLICATION_ID} appears on the session bus'):
        return
    pid = session.bus_call('GetConnectionUnixProcessID', GLib.Variant('(s)', (APPLICATION_ID,)),
                           '(u)')
    exe = os.path.realpath(f'/proc/{pid}/exe')
    with open(f'/proc/{pid}/cmdline', encoding='utf-8') as f:
        arguments = [a for a in f.read().split('\0') if a]
    tap.check(exe == binary, f'{how}: the process is the installed binary', f'it is {exe}')
    if by_bus:
        tap.check(arguments[1:] == ['--gapplication-service'],
                  f'{how}: the bus started it with the installed service file\'s command',
                  f'its command line: {arguments}')
    else:
        tap.check(arguments == ['lento'],
                  f'{how}: it runs the desktop file\'s Exec line, lento found on PATH',
                  f'its command line: {arguments}')

    app = wait_until(lambda: accessible_app(pid), timeout=30)
    tap.check(app is not None and wait_until(lambda: 'Lento' in [f.name for f in app], timeout=20),
              f'{how}: the Lento window appears on the accessibility bus')
    tap.check(app is not None and wait_until(lambda: any(
        is_on_screen(b) for b in find_all(app, pyatspi.ROLE_PUSH_BUTTON, 'Set Up Lento'))),
              f'{how}: the window shows the welcome page from the installed binary')

    try:
        session.call(APPLICATION_ID, '/' + APPLICATION_ID.replace('.', '/'),
                     'org.freedesktop.Application', 'ActivateAction',
                     GLib.Variant('(sava{sv})', ('quit', [], {})))
    except GLib.Error as e:
        log(f'app.quit: {e.message}')
    gone = wait_until(lambda: not session.has_owner(APPLICATION_ID) and process_gone(pid),
                      timeout=30)
    tap.check(gone in (True, ('exit status', 0)),
              f'{how}: Lento quits when the desktop asks it to (app.quit)', f'gone: {gone}')
    problems = session.problems(stderr_path)
    tap.check(not problems, f'{how}: no critical, warning or error lines on stderr',
              ' | '.join(problems))


def check_desktop_start(scratch, prefix):
    # As on a desktop: the accessibility bus is up before an app connects.
    wait_until(lambda: pyatspi.Registry.getDesktop(0) is not None)
    session = PrivateSession(scratch, prefix)
    try:
        names = session.bus_call('ListActivatableNames', None, '(as)')
        tap.check(APPLICATION_ID in names,
                  'a session bus with the prefix in XDG_DATA_DIRS finds the installed service')

        # What GNOME Shell does for a DBusActivatable app.
        try:
            session.call(APPLICATION_ID, '/' + APPLICATION_ID.replace('.', '/'),
                         'org.freedesktop.Application', 'Activate',
                         GLib.Variant('(a{sv})', ({},)), auto_start=True)
            activated = None
        except GLib.Error as e:
            activated = e.message
        if tap.check(activated is None, 'the bus activates Lento from the installed service file',
                     activated):
            check_started(session, 'D-Bus activation', True, session.stderr_path)
        tap.timed('D-Bus activation')

        # gio launch reads the desktop file as a key file, so it runs the Exec
        # line as a desktop that does not activate apps over D-Bus would.
        # Lento's output goes to a file: a pipe would stay open as long as
        # Lento runs.
        desktop = os.path.join(prefix, 'share', 'applications', f'{APPLICATION_ID}.desktop')
        launch_log = os.path.join(scratch, 'gio-launch.log')
        with open(launch_log, 'w') as output:
            log(f'$ gio launch {desktop}')
            launched = subprocess.run(['gio', 'launch', desktop], env=session.env,
                                      stdout=output, stderr=output, timeout=60)
        tap.check(launched.returncode == 0, 'gio launch of the installed desktop file succeeds')
        check_started(session, 'gio launch', False, launch_log)
        tap.timed('gio launch')
    finally:
        session.close()


def check_help(prefix):
    binary = os.path.join(prefix, 'bin', 'lento')
    env = clean_env(LC_ALL='C.UTF-8')
    env.pop('LANGUAGE', None)
    shown = run([binary, '--help'], env=env, timeout=60)
    tap.check(shown.returncode == 0 and 'Usage:' in shown.stdout and '--verify' in shown.stdout,
              'lento --help from the prefix prints the usage with Lento\'s own options')

    # Each catalogue is the one the installed binary reads: a sentence of
    # --help that a language translates is shown translated.
    for lang in languages:
        catalogue = gettext.translation('lento', os.path.join(prefix, 'share', 'locale'), [lang])
        pairs = [(msgid, msgstr) for msgid, msgstr in catalogue._catalog.items()
                 if isinstance(msgid, str) and msgid and msgstr and msgid != msgstr
                 and msgid in shown.stdout]
        if not pairs:
            tap.skip(f'lento --help speaks {lang}', 'no sentence of --help is translated yet')
            continue
        translated = run([binary, '--help'], env=dict(env, LANGUAGE=lang), timeout=60)
        # Some of those sentences are GLib's own, printed from its catalogue
        # (or not, when GLib has no translation): one of Lento's is enough.
        tap.check(any(msgstr in translated.stdout for _msgid, msgstr in pairs),
                  f'lento --help speaks {lang} from the installed catalogue',
                  f'expected one of {[msgstr for _msgid, msgstr in pairs][:3]} in:\n'
                  f'{translated.stdout}')


def check_uninstall(build, prefix, logged):
    files = [p for p in logged if os.path.isfile(p)]
    uninstalled = run(['ninja', '-C', build, 'uninstall'], env=clean_env())
    tap.check(uninstalled.returncode == 0, 'ninja uninstall succeeds')
    left = [p for p in files if os.path.lexists(p)]
    tap.check(not left, 'every file meson installed is gone', f'left: {left}')

    remaining = {os.path.relpath(os.path.join(d, f), prefix)
                 for d, _, names in os.walk(prefix) for f in names}
    tap.check(remaining == POST_INSTALL_CACHES,
              'what remains is only the caches the post-install step generated: '
              + ', '.join(sorted(POST_INSTALL_CACHES)),
              f'remaining: {sorted(remaining)}')

    for path in POST_INSTALL_CACHES & remaining:
        os.unlink(os.path.join(prefix, path))
    for folder, _, _ in sorted(os.walk(prefix), key=lambda entry: -len(entry[0])):
        try:
            os.rmdir(folder)
        except OSError as e:
            log(f'cannot remove {folder}: {e}')
    tap.check(not os.path.exists(prefix),
              'without those caches, only empty folders were left, and the prefix is gone')


# Lento started by gio launch is orphaned when gio exits; as its subreaper
# this test learns how it exited.
PR_SET_CHILD_SUBREAPER = 36
ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)

with Scratch('lento-install-') as scratch:
    build = os.path.join(scratch, 'build')
    prefix = os.path.join(scratch, 'prefix')
    build_and_install(build, prefix)
    logged = install_log(build)
    check_files(prefix, logged)
    tap.timed('installed files')
    check_desktop_start(scratch, prefix)
    check_help(prefix)
    check_uninstall(build, prefix, logged)
    tap.timed('uninstall')

tap.finish()
