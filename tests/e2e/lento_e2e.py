# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real Lento binary through its accessibility tree, as a person
using a screen reader or the keyboard would. Shared by every e2e test."""

import os
import subprocess
import sys
import time

import pyatspi

# Keycodes of the modifier keys in Xvfb's default (US) keymap; other keys are
# sent by keysym, which at-spi turns into the right keycode itself.
KEYCODE_CONTROL = 37
KEYCODE_SHIFT = 50

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


class Lento:
    """The built binary, started with a private settings backend."""

    def __init__(self, *args):
        build_dir = os.environ['LENTO_BUILD_DIR']
        env = dict(os.environ)
        env.pop('NO_AT_BRIDGE', None)
        env.pop('GTK_A11Y', None)
        env['GSETTINGS_SCHEMA_DIR'] = os.path.join(build_dir, 'data')
        env.setdefault('GSETTINGS_BACKEND', 'memory')
        env['G_DEBUG'] = 'gc-friendly,fatal-warnings'
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
            if (role is None or node.getRole() == role) and (name is None or node.name == name):
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
