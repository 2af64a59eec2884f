# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real Lento binary through its accessibility tree, as a person
using a screen reader or the keyboard would. Shared by every e2e test."""

import gettext
import os
import re
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version('Gio', '2.0')
from gi.repository import Gio  # noqa: E402

import pyatspi  # noqa: E402

# Keycodes of the modifier keys in Xvfb's default (US) keymap; other keys are
# sent by keysym, which at-spi turns into the right keycode itself.
KEYCODE_CONTROL = 37
KEYCODE_SHIFT = 50

# Groups of four letters and digits, as Lento shows a recovery code.
RECOVERY_CODE = re.compile(r'^[0-9A-Z]{4}(-[0-9A-Z]{4})+$')

# The language the test runs in (meson runs some tests again in German);
# _() and C_() give Lento's words in it, as the build translated them.
LANGUAGE = os.environ.get('LANGUAGE') or 'en'
_translation = gettext.translation(
    'lento', localedir=os.path.join(os.environ.get('LENTO_BUILD_DIR', '.'), 'po'),
    languages=[LANGUAGE], fallback=LANGUAGE == 'en')
_libadwaita = gettext.translation('libadwaita', languages=[LANGUAGE], fallback=True)


def _(text):
    return _translation.gettext(text)


def C_(context, text):
    return _translation.pgettext(context, text)


def adw_(text):
    """A word libadwaita itself shows, such as the About window's title."""
    return _libadwaita.gettext(text)


def mnemonic(label):
    """The key that picks a menu item or button: the letter after its '_'."""
    return label[label.index('_') + 1].lower()


KEY_F10 = 0xffc7
KEY_ESCAPE = 0xff1b
KEY_QUESTION = 0x3f
KEY_Q = 0x71


class Tap:
    """Prints each check as a TAP line, so build-aux/test counts them."""

    def __init__(self):
        self.count = 0
        self.failed = 0

    def check(self, condition, description):
        self.count += 1
        if condition:
            print(f'ok {self.count} - {description}', flush=True)
        else:
            self.failed += 1
            print(f'not ok {self.count} - {description}', flush=True)
        return condition

    def finish(self):
        print(f'1..{self.count}', flush=True)
        sys.exit(1 if self.failed else 0)


def spoken_name(accessible):
    """The accessible name as a screen reader says it. GTK 4.8 names a button
    with a text label after both its label property and the label inside it
    ("Check Check", or "_Check Check" with a mnemonic); both halves are one."""
    name = accessible.name or ''
    # The mnemonic's underscore makes the first half one character longer.
    for half in {len(name) // 2, (len(name) - 1) // 2}:
        if 0 < half < len(name) and name[half] == ' ':
            first, second = name[:half], name[half + 1:]
            if first.replace('_', '') == second:
                return second
    return name


def has_name(accessible, name):
    """Whether a screen reader would announce @accessible as @name. A button
    with its own accessible label is announced as that label followed by its
    visible text, which we allow."""
    return spoken_name(accessible) == name or (accessible.name or '').startswith(name + ' ')


def wait_until(predicate, timeout=10.0, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = predicate()
        except Exception:  # The tree changes under us while the app works.
            result = None
        if result:
            return result
        time.sleep(interval)
    return None


def lento_schema():
    """The schema id and path of this build, which may be the development one."""
    source = Gio.SettingsSchemaSource.new_from_directory(
        os.path.join(os.environ['LENTO_BUILD_DIR'], 'data'), None, False)
    schema_id = next(s for s in source.list_schemas(False)[0]
                     if s.startswith('io.github.lento.Lento'))
    return schema_id, source.lookup(schema_id, False).get_path()


def settings_env(env, values):
    """Points @env at a keyfile settings backend of its own holding @values."""
    _schema_id, path = lento_schema()
    config_home = tempfile.mkdtemp(prefix='lento-e2e-config-')
    settings_dir = os.path.join(config_home, 'glib-2.0', 'settings')
    os.makedirs(settings_dir)
    with open(os.path.join(settings_dir, 'keyfile'), 'w') as keyfile:
        keyfile.write(f'[{path.strip("/")}]\n')
        for key, value in values.items():
            keyfile.write(f'{key}={value}\n')
    env['XDG_CONFIG_HOME'] = config_home
    env['GSETTINGS_BACKEND'] = 'keyfile'


class Lento:
    """The built binary, started with a private settings backend."""

    def __init__(self, *args, data_home=None, settings=None):
        build_dir = os.environ['LENTO_BUILD_DIR']
        env = dict(os.environ)
        if settings:
            settings_env(env, settings)
        # Each test keeps its journal in a folder of its own; a test that
        # restarts Lento passes the same folder again.
        self.data_home = data_home or tempfile.mkdtemp(prefix='lento-e2e-')
        env['XDG_DATA_HOME'] = self.data_home
        env.pop('NO_AT_BRIDGE', None)
        env.pop('GTK_A11Y', None)
        env['GSETTINGS_SCHEMA_DIR'] = os.path.join(build_dir, 'data')
        env.setdefault('GSETTINGS_BACKEND', 'memory')
        env['G_DEBUG'] = 'gc-friendly,fatal-warnings'
        # Lento's translations as the build made them (po/<lang>/LC_MESSAGES).
        env['LENTO_LOCALEDIR'] = os.path.join(build_dir, 'po')
        # Bring the accessibility bus up before Lento connects to the display:
        # while at-spi-bus-launcher starts under Xvfb, a new X client can be
        # refused ("cannot open display").
        wait_until(lambda: pyatspi.Registry.getDesktop(0) is not None)
        time.sleep(0.5)
        self.process = subprocess.Popen(
            [os.path.join(build_dir, 'src', 'lento'), *args],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.app = wait_until(self._find_app, timeout=20)
        if self.app is None:
            self.process.kill()
            out, err = self.process.communicate()
            raise RuntimeError(f'Lento did not appear on the accessibility bus:\n{err}')

    def _find_app(self):
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.get_process_id() == self.process.pid:
                if app.childCount > 0:
                    return app
        return None

    def frames(self):
        return [child for child in self.app if child is not None]

    def frame_names(self):
        return [frame.name for frame in self.frames()]

    def find_all(self, role=None, name=None, root=None):
        found = []

        def visit(node, depth):
            if node is None or depth > 40:
                return
            if (role is None or node.getRole() == role) and (name is None
                                                             or has_name(node, name)):
                found.append(node)
            for child in node:
                visit(child, depth + 1)

        visit(root if root is not None else self.app, 0)
        return found

    def wait_for_frame(self, name, present=True, timeout=10.0):
        return wait_until(lambda: (name in self.frame_names()) == present, timeout)

    def key(self, keysym, modifiers=()):
        registry = pyatspi.Registry
        for keycode in modifiers:
            registry.generateKeyboardEvent(keycode, None, pyatspi.KEY_PRESS)
        registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
        for keycode in reversed(modifiers):
            registry.generateKeyboardEvent(keycode, None, pyatspi.KEY_RELEASE)
        time.sleep(0.3)

    def finish(self, timeout=15):
        """Waits for Lento to exit; returns (exit status, stderr)."""
        try:
            out, err = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, err = self.process.communicate()
            return None, err
        return self.process.returncode, err


def is_on_screen(accessible):
    """True when the widget has a place in the window: hidden stack pages have
    no size, or are not in the tree at all."""
    try:
        extents = accessible.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except Exception:
        return False
    return extents.width > 0 and extents.height > 0


def problem_lines(stderr):
    return [line for line in stderr.splitlines()
            if 'CRITICAL' in line or 'WARNING' in line or 'ERROR' in line]


def click(lento, name, role=pyatspi.ROLE_PUSH_BUTTON, timeout=10):
    """Activates the on-screen button called @name; returns it, or None."""
    button = wait_until(lambda: next(
        (b for b in lento.find_all(role, name) if is_on_screen(b)), None), timeout)
    if button is not None:
        button.queryAction().doAction(0)
    return button


def text_of(accessible):
    text = accessible.queryText()
    return text.getText(0, text.characterCount)


def type_into(lento, name, value, timeout=10):
    """Puts @value into the on-screen entry called @name."""
    entry = wait_until(lambda: next(
        (e for e in lento.find_all(None, name) if is_on_screen(e)
         and e.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT)),
        None), timeout)
    if entry is None:
        return False
    entry.queryEditableText().setTextContents(value)
    return True



def labels_on_screen(lento):
    """The text of every label on screen, in tree order."""
    labels = []
    for label in lento.find_all(pyatspi.ROLE_LABEL):
        if is_on_screen(label):
            try:
                labels.append(text_of(label))
            except Exception:
                labels.append(label.name or '')
    return labels


def press_containing(lento, words, role=pyatspi.ROLE_PUSH_BUTTON):
    """Presses the first button on screen whose name holds @words."""
    button = wait_until(lambda: next(
        (b for b in lento.find_all(role) if is_on_screen(b) and words in (b.name or '')), None))
    if button is None:
        return False
    button.queryAction().doAction(0)
    return True


def show_tab(lento, name):
    """Shows a view by its tab in the view switcher."""
    tabs = wait_until(lambda: [tab for tab in lento.find_all(pyatspi.ROLE_PAGE_TAB, name)
                               if is_on_screen(tab)])
    if not tabs:
        return False
    tabs[0].queryAction().doAction(0)
    return True

def complete_setup(lento, tap):
    """Goes through first-run set-up as a person would; returns the recovery
    code that Lento showed, or None."""
    if not tap.check(click(lento, _('Set Up Lento')), 'set-up starts from the welcome page'):
        return None
    label = wait_until(lambda: next(
        (l for l in lento.find_all(pyatspi.ROLE_LABEL)
         if is_on_screen(l) and RECOVERY_CODE.match(text_of(l))), None), timeout=20)
    if not tap.check(label is not None, 'set-up shows a recovery code'):
        return None
    code = text_of(label)
    click(lento, _('I Have Written It Down'))
    # The prompt names the group to type as its only number.
    before, _number, after = _('To be sure you have it, type group %d of your recovery code.'
                               ).partition('%d')
    prompt = wait_until(lambda: next(
        (text_of(l) for l in lento.find_all(pyatspi.ROLE_LABEL)
         if is_on_screen(l) and text_of(l).startswith(before) and text_of(l).endswith(after)),
        None))
    group = int(''.join(c for c in prompt if c.isdigit()))
    type_into(lento, _('Group of the recovery code'), code.split('-')[group - 1])
    click(lento, _('Check'))
    tap.check(click(lento, _('Skip')), 'the optional passphrase can be skipped')
    return code
