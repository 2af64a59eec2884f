#!/usr/bin/python3
# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Lento by keyboard alone, with real key presses: each page starts on its
main action (set-up's steps, the plan, the unlock page), Ctrl+N, Space and
It Hurts work wherever the focus is in the window, and a wrong passphrase
gives the focus back to the passphrase field."""

import pyatspi

from lento_e2e import (KEY_Q, KEYCODE_CONTROL, KEYCODE_SHIFT, RECOVERY_CODE, Lento, Tap,
                       focused, has_name, is_on_screen, labels_on_screen, offers_session,
                       plan_today, press_containing, type_into, wait_until)

KEY_1 = 0x31
KEY_ESCAPE = 0xff1b
KEY_H = 0x68
KEY_L = 0x6c
KEY_N = 0x6e
KEY_RETURN = 0xff0d
KEY_SPACE = 0x20
KEY_TAB = 0xff09
PASSPHRASE = 'quiet harbour lantern'

tap = Tap()


def focus_on(lento, name, timeout=10):
    """Waits for the focus to be on the object a screen reader calls @name."""
    found = wait_until(lambda: (lambda f: f if f is not None and has_name(f, name) else None)(
        focused(lento)), timeout=timeout)
    return found is not None


def focus_name(lento):
    node = focused(lento)
    return f'{node.getRoleName()} {node.name!r}' if node is not None else 'nothing'


def showing(lento, predicate, timeout=10):
    return wait_until(lambda: next((t for t in labels_on_screen(lento) if predicate(t)), None),
                      timeout=timeout)


def tab_to(lento, predicate, backwards=False, limit=20):
    """Presses Tab (or Shift+Tab) until the focused object matches."""
    for _ in range(limit):
        node = focused(lento)
        if node is not None and predicate(node):
            return True
        lento.key(KEY_TAB, [KEYCODE_SHIFT] if backwards else [])
    return False


lento = Lento()

# Set-up, by keyboard: each step starts on what it asks.
tap.check(focus_on(lento, 'Set Up Lento'),
          f'the welcome starts on Set Up Lento (focus on {focus_name(lento)})')
lento.key(KEY_RETURN)
code = showing(lento, lambda t: RECOVERY_CODE.match(t), timeout=20)
tap.check(focus_on(lento, 'I Have Written It Down'),
          f'the recovery code page starts on I Have Written It Down ({focus_name(lento)})')
lento.key(KEY_RETURN)
tap.check(focus_on(lento, 'Group of the recovery code'),
          f'the check starts on the group field ({focus_name(lento)})')
prompt = showing(lento, lambda t: 'type group' in t)
group = int(''.join(c for c in prompt if c.isdigit()))
type_into(lento, 'Group of the recovery code', code.split('-')[group - 1])
lento.key(KEY_RETURN)
tap.check(focus_on(lento, 'New passphrase'),
          f'the passphrase page starts on its first field ({focus_name(lento)})')
type_into(lento, 'New passphrase', PASSPHRASE)
type_into(lento, 'Repeat the passphrase', PASSPHRASE)
lento.key(KEY_TAB)
tap.check(focus_on(lento, 'Repeat the passphrase'), 'Tab goes on to the repeated passphrase')
lento.key(KEY_RETURN)

# The plan starts on Start Session. On a rest day of the default plan there
# is none to press: the plan starts on another of its controls, and the
# person picks today among their days for the session below.
tap.check(wait_until(lambda: any(is_on_screen(b) and 'Start Session' in (b.name or '')
                                 for b in lento.find_all(pyatspi.ROLE_PUSH_BUTTON)), 30),
          'after set-up the plan is shown')
if offers_session(lento, timeout=1):
    tap.check(focus_on(lento, 'Start Session'),
              f'after set-up the plan starts on Start Session ({focus_name(lento)})')
else:
    tap.check(wait_until(lambda: focused(lento) is not None),
              f'on a rest day the plan starts on one of its controls ({focus_name(lento)})')
    plan_today(lento, tap)

# Ctrl+N from the plan opens the editor on its first field.
lento.key(KEY_N, [KEYCODE_CONTROL])
tap.check(focus_on(lento, 'Date the session started'),
          f'Ctrl+N from the plan opens the editor on its first field ({focus_name(lento)})')
lento.key(KEY_ESCAPE)
lento.key(KEY_1, [KEYCODE_CONTROL])

# Space and It Hurts with the focus in the header bar.
tap.check(press_containing(lento, 'Start Session'), 'the session starts')
tap.check(showing(lento, lambda t: ' · 1 of ' in t) is not None, 'the session runs')
tap.check(tab_to(lento, lambda n: n.getRole() == pyatspi.ROLE_PAGE_TAB, backwards=True),
          f'Shift+Tab reaches the view switcher ({focus_name(lento)})')
lento.key(KEY_SPACE)
tap.check(showing(lento, lambda t: 'paused' in t.lower()) is not None,
          'Space pauses with the focus on a tab of the view switcher')
lento.key(KEY_SPACE)
tap.check(wait_until(lambda: not any('paused' in t.lower() for t in labels_on_screen(lento))),
          'Space resumes with the focus on a tab of the view switcher')
lento.key(KEY_1, [KEYCODE_CONTROL])
tap.check(wait_until(lambda: any(is_on_screen(o) for o in lento.find_all(pyatspi.ROLE_PANEL,
                                                                          'Plan'))),
          'Ctrl+1 shows the plan while the session runs')
lento.key(KEY_H, [KEYCODE_CONTROL])
switch = wait_until(lambda: next(
    (s for s in lento.find_all(None, 'Sharp pain') if is_on_screen(s)
     and s.getRole() != pyatspi.ROLE_LABEL), None))
tap.check(switch is not None and switch.getState().contains(pyatspi.STATE_CHECKED),
          'Ctrl+H from the plan ends the session because it hurts')
lento.key(KEY_ESCAPE)

# The unlock page starts on the keyring, and a wrong passphrase gives the
# focus back to the passphrase field.
lento.key(KEY_L, [KEYCODE_CONTROL])
tap.check(focus_on(lento, 'Unlock With Keyring'),
          f'the unlock page starts on Unlock With Keyring ({focus_name(lento)})')
tap.check(tab_to(lento, lambda n: has_name(n, 'Passphrase')
                 and n.getRole() == pyatspi.ROLE_PASSWORD_TEXT, backwards=True),
          'Shift+Tab reaches the passphrase field')
type_into(lento, 'Passphrase', 'not the passphrase')
lento.key(KEY_RETURN)
tap.check(showing(lento, lambda t: 'passphrase' in t.lower() and 'not' in t.lower(), timeout=30)
          is not None, 'a wrong passphrase is refused')
tap.check(focus_on(lento, 'Passphrase'),
          f'after a wrong passphrase the focus is back on its field ({focus_name(lento)})')
type_into(lento, 'Passphrase', PASSPHRASE)
lento.key(KEY_RETURN)
tap.check(wait_until(lambda: 'Lento Is Locked' not in labels_on_screen(lento), timeout=30),
          'Enter in the passphrase field unlocks')

lento.key(KEY_Q, [KEYCODE_CONTROL])
status, _stderr = lento.finish()
tap.check(status == 0, f'Ctrl+Q quits with status 0 (got {status})')
tap.finish()
