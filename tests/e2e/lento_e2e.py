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

    def diagnostic(self, text):
        print(f'# {text}', flush=True)

    def finish(self):
        # Whatever a test checked, every Lento it started must have said
        # nothing alarming: a CRITICAL or WARNING on its stderr fails the run.
        for lento in _started:
            lento.stop()
            problems = problem_lines(lento.stderr())
            self.check(not problems, f'Lento {lento.process.pid} wrote no CRITICAL or WARNING: '
                       + ' | '.join(problems))
        print(f'1..{self.count}', flush=True)
        sys.exit(1 if self.failed else 0)


_started = []


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
        # Stderr goes to a file rather than a pipe: a pipe that nobody reads
        # during a long test would fill up and stop Lento.
        self.stderr_file = tempfile.TemporaryFile(mode='w+', prefix='lento-e2e-stderr-')
        self.process = subprocess.Popen(
            [os.path.join(build_dir, 'src', 'lento'), *args],
            env=env, stdout=subprocess.DEVNULL, stderr=self.stderr_file, text=True)
        _started.append(self)
        self.app = wait_until(self._find_app, timeout=20)
        if self.app is None:
            self.process.kill()
            self.process.wait()
            raise RuntimeError('Lento did not appear on the accessibility bus:\n'
                               + self.stderr())

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

    def stderr(self):
        """Everything Lento has written to stderr so far."""
        self.stderr_file.seek(0)
        return self.stderr_file.read()

    def stop(self):
        """Ends Lento if it still runs, as a test that failed half-way leaves it."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def finish(self, timeout=15):
        """Waits for Lento to exit; returns (exit status, stderr)."""
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.stop()
            return None, self.stderr()
        return self.process.returncode, self.stderr()


def focused(lento, frame=None):
    """The object that has the keyboard focus, or None."""
    def visit(node, depth):
        if node is None or depth > 60:
            return None
        if node.getState().contains(pyatspi.STATE_FOCUSED) and node.getRole() != pyatspi.ROLE_FRAME:
            return node
        for child in node:
            found = visit(child, depth + 1)
            if found is not None:
                return found
        return None

    for root in lento.frames():
        if frame is None or root.name == frame:
            found = visit(root, 0)
            if found is not None:
                return found
    return None


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


def offers_session(lento, timeout=10):
    """Whether the Plan's Start Session can be pressed: today has a session."""
    return wait_until(lambda: any(
        is_on_screen(b) and 'Start Session' in (b.name or '')
        and b.getState().contains(pyatspi.STATE_SENSITIVE)
        for b in lento.find_all(pyatspi.ROLE_PUSH_BUTTON)), timeout)


def plan_today(lento, tap):
    """Has the plan offer a session today, whatever the weekday the test runs
    on: the default plan rests on some days, so the person picks today among
    their days in the Plan view. Returns whether Start Session can be pressed."""
    name = _('Plan sessions on %s') % time.strftime('%A')
    # GTK 4.8 gives a toggle button the role of a push button that can be pressed.
    toggle = wait_until(lambda: next(
        (t for t in lento.find_all(pyatspi.ROLE_PUSH_BUTTON, name) if is_on_screen(t)), None))
    if not tap.check(toggle is not None, f'the Plan view has the toggle "{name}"'):
        return False
    states = toggle.getState()
    if not (states.contains(pyatspi.STATE_PRESSED) or states.contains(pyatspi.STATE_CHECKED)):
        toggle.queryAction().doAction(0)
    return tap.check(offers_session(lento), 'today offers a session')


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


# GTK 4.8 names a widget that has no name of its own after its type, so a
# screen reader reads out "GtkToggleButton".
CLASS_NAME = re.compile(r'^(Gtk|Adw|Lento)[A-Z][A-Za-z]*$')
# Roles of controls that take the keyboard focus as a whole and are read by
# their own name: what lies inside one (a button's label, a drop-down's
# current item, a password entry's icons, a view switcher tab's icon) is read
# as part of it.
WHOLE_CONTROLS = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
                  pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX,
                  pyatspi.ROLE_TEXT, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_SPIN_BUTTON}
TEXT_ENTRIES = {pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT,
                pyatspi.ROLE_SPIN_BUTTON}
# Layout parts of GTK's and libadwaita's own widgets (the header bar, the
# view switcher, the preferences window, the overlay scrollbars) that no
# public API reaches. GTK 4.10 stops naming them after their class; until
# then the audit counts them and passes over them. Lento's own containers
# have a role or a name, so these names are passed over only as fillers and
# scroll bars, which a screen reader does not present.
LIBRARY_PARTS = {'AdwGizmo', 'AdwSqueezer', 'AdwLeaflet', 'AdwViewSwitcherTitle', 'GtkScrollbar',
                 'GtkRange'}
# libadwaita 1.2 builds a toast when it shows one, with a close button that
# has no name ("GtkImage"); nothing can name it before a screen reader
# sees it. Named from libadwaita 1.3 on.
LIBRARY_TOAST = 'AdwToastWidget'


def is_inside_control(ancestors):
    return any(a.getRole() in WHOLE_CONTROLS and a.getState().contains(pyatspi.STATE_FOCUSABLE)
               for a in ancestors)


def is_library_part(node, ancestors):
    if any(a.name == LIBRARY_TOAST for a in ancestors) or node.name == LIBRARY_TOAST:
        return True
    return (node.name in LIBRARY_PARTS
            and node.getRole() in (pyatspi.ROLE_FILLER, pyatspi.ROLE_SCROLL_BAR))


def has_focusable_inside(node, depth=0):
    for child in node:
        if child is None or depth > 40:
            continue
        states = child.getState()
        if (states.contains(pyatspi.STATE_FOCUSABLE) and states.contains(pyatspi.STATE_SENSITIVE)
                and is_on_screen(child)) or has_focusable_inside(child, depth + 1):
            return True
    return False


class Audit:
    """Reads every page as a screen reader would and fails on what a person
    using one, or the keyboard, could not get through: a focusable object
    without a name, an object announced by its class name, a text entry
    without a label. Prints how much it read as TAP diagnostics."""

    def __init__(self, tap):
        self.tap = tap
        self.pages = []
        self.objects = 0
        self.focusable = 0
        self.entries = 0
        self.library_parts = 0
        self.parts_of_controls = 0

    def walk(self, lento, page, frame='Lento'):
        roots = [f for f in lento.frames() if f.name == frame]
        findings = []
        checked = 0

        def path_of(node, ancestors):
            names = [f'{a.getRoleName()} {a.name!r}' for a in ancestors[-3:]]
            return ' > '.join(names + [f'{node.getRoleName()} {node.name!r}'])

        def visit(node, ancestors, depth):
            nonlocal checked
            if node is None or depth > 60:
                return
            if not is_on_screen(node):
                # Stack pages have no size of their own; their child may.
                if node.getRole() != pyatspi.ROLE_PANEL or node.name != 'GtkStackPage':
                    return
                for child in node:
                    visit(child, ancestors, depth + 1)
                return
            checked += 1
            name = node.name or ''
            role = node.getRole()
            states = node.getState()
            inside_control = is_inside_control(ancestors)

            if inside_control:
                self.parts_of_controls += 1
            elif is_library_part(node, ancestors):
                self.library_parts += 1
            elif CLASS_NAME.match(name):
                findings.append(f'announced as its class name: {path_of(node, ancestors)}')

            focusable = (states.contains(pyatspi.STATE_FOCUSABLE)
                         and states.contains(pyatspi.STATE_SENSITIVE) and not inside_control
                         and not is_library_part(node, ancestors))
            # A scrolled window takes the focus only when nothing in it can.
            if focusable and role == pyatspi.ROLE_SCROLL_PANE:
                focusable = not has_focusable_inside(node)
            if focusable:
                self.focusable += 1
                if not spoken_name(node).strip():
                    findings.append(f'focusable without a name: {path_of(node, ancestors)}')

            if role in TEXT_ENTRIES and not inside_control:
                self.entries += 1
                if not self._labelled(node, ancestors):
                    findings.append(f'text entry without a visible label: '
                                    f'{path_of(node, ancestors)}')

            for child in node:
                visit(child, ancestors + [node], depth + 1)

        for root in roots:
            visit(root, [], 0)
        self.pages.append(page)
        self.objects += checked
        self.tap.diagnostic(f'audit: {page}: {checked} objects')
        self.tap.check(roots and not findings,
                       f'accessibility audit of {page}: ' + ('; '.join(findings) or 'clean'))
        return not findings

    @staticmethod
    def _labelled(node, ancestors):
        """A text entry needs a name, and text that a person who sees the
        screen reads too, tied to it: a label it is labelled or described by,
        or the title of its row."""
        if not spoken_name(node).strip():
            return False
        for relation in node.getRelationSet():
            if relation.getRelationType() in (pyatspi.RELATION_LABELLED_BY,
                                              pyatspi.RELATION_DESCRIBED_BY):
                for i in range(relation.getNTargets()):
                    if is_on_screen(relation.getTarget(i)):
                        return True
        return any(a.getRole() == pyatspi.ROLE_LIST_ITEM and (a.name or '').strip()
                   for a in ancestors[-4:])

    def finish(self):
        self.tap.diagnostic(f'audit: {len(self.pages)} pages walked, {self.objects} objects '
                            f'checked, {self.focusable} of them focusable, {self.entries} text '
                            f'entries; read as parts of their control: '
                            f'{self.parts_of_controls}; layout parts of GTK and libadwaita '
                            f'passed over: {self.library_parts}')
