#!/usr/bin/python3
# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The journal's locks as a person meets them: first-run set-up, locking with
Ctrl+L, opening with the keyring, and getting back in with the recovery code
after the keyring lost the key, without Lento ever making a new key."""

import glob
import os
import subprocess

import pyatspi

from lento_e2e import (KEY_Q, KEYCODE_CONTROL, Lento, Tap, click, complete_setup,
                       is_on_screen, problem_lines, text_of, type_into, wait_until)

KEY_L = 0x6c
tap = Tap()


def showing_title(lento, title):
    return wait_until(lambda: any(is_on_screen(label)
                                  for label in lento.find_all(pyatspi.ROLE_LABEL, title)))


VIEWS = ('Plan', 'Session', 'Journal')


def views_on_screen(lento):
    """The views on screen, each a group named after its tab."""
    return [view.name for view in lento.find_all(pyatspi.ROLE_PANEL)
            if view.name in VIEWS and is_on_screen(view)]


def quit_cleanly(lento, what):
    lento.key(KEY_Q, [KEYCODE_CONTROL])
    status, stderr = lento.finish()
    tap.check(status == 0, f'{what}: Ctrl+Q quits with status 0 (got {status})')
    problems = problem_lines(stderr)
    tap.check(not problems, f'{what}: nothing alarming on stderr: ' + ' | '.join(problems))


# First run: set-up, then the views.
lento = Lento()
code = complete_setup(lento, tap)
tap.check(code is not None and len(code.replace('-', '')) >= 26,
          'the recovery code is shown in readable groups')
tap.check(wait_until(lambda: views_on_screen(lento) == ['Plan']),
          'after set-up the Plan view shows')
data_dir = glob.glob(os.path.join(lento.data_home, 'io.github.lento.Lento*'))[0]
keys_file = os.path.join(data_dir, 'keys.lento')
tap.check(os.path.exists(keys_file), 'the journal has a key file')
tap.check(oct(os.stat(data_dir).st_mode & 0o777) == '0o700', 'the data folder is private (0700)')

# Ctrl+L locks: the views leave the screen.
lento.key(KEY_L, [KEYCODE_CONTROL])
tap.check(showing_title(lento, 'Lento Is Locked'), 'Ctrl+L shows the locked page')
tap.check(views_on_screen(lento) == [], 'no view is on screen while locked')

tap.check(click(lento, 'Unlock With Keyring'), 'the keyring button is there')
tap.check(wait_until(lambda: views_on_screen(lento) == ['Plan']),
          'the keyring unlocks the journal')
quit_cleanly(lento, 'first run')

# Next start: the keyring opens Lento without a word.
lento = Lento(data_home=lento.data_home)
tap.check(wait_until(lambda: views_on_screen(lento) == ['Plan'], timeout=20),
          'a second start opens with the keyring')
quit_cleanly(lento, 'second start')

# The keyring loses the key: Lento says so and the recovery code gets in.
with open(keys_file, 'rb') as f:
    keys_before = f.read()
# libsecret records each item's schema; Lento's only attribute is the journal.
search = subprocess.run(['secret-tool', 'search', '--all', 'xdg:schema', 'io.github.lento.Lento'],
                        capture_output=True, text=True)
journals = [line.split(' = ', 1)[1] for line in (search.stdout + search.stderr).splitlines()
            if line.startswith('attribute.journal = ')]
# Other tests of this session leave their journals' keys too; e2e tests run
# one at a time, so all of Lento's items can go.
tap.check(len(journals) >= 1, 'the keyring holds the journal key')
for journal in journals:
    subprocess.run(['secret-tool', 'clear', 'journal', journal], check=True)
lento = Lento(data_home=lento.data_home)
tap.check(showing_title(lento, 'Lento Is Locked'), 'without its key the journal stays locked')
reasons = [text_of(label) for label in lento.find_all(pyatspi.ROLE_LABEL) if is_on_screen(label)]
tap.check(any('keyring' in reason.lower() for reason in reasons),
          'the locked page says what happened with the keyring')
with open(keys_file, 'rb') as f:
    tap.check(f.read() == keys_before, 'no new key was made: keys.lento is unchanged')

type_into(lento, 'Recovery Code', code.lower())
tap.check(click(lento, 'Unlock with recovery code'), 'the recovery code can be sent')
tap.check(wait_until(lambda: views_on_screen(lento) == ['Plan'], timeout=20),
          'the recovery code opens the journal')
quit_cleanly(lento, 'recovery')

tap.finish()
