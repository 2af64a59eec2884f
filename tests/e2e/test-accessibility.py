#!/usr/bin/python3
# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""An accessibility audit of every page, read through AT-SPI as a screen
reader reads it: set-up (welcome, recovery code, check, passphrase), the plan,
the inventory, the learn pages, the session in each of its phases and paused,
the journal, the entry editor, the statistics, the preferences, and the
unlock page before and after a wrong passphrase. Each page fails on a
focusable object without a name, an object announced by its class name, and
a text entry without a visible label. The numbers (pages walked, objects
checked) are printed as TAP diagnostics."""

import traceback

import pyatspi

from lento_e2e import (KEY_ESCAPE, KEY_Q, KEYCODE_CONTROL, RECOVERY_CODE, Audit, Lento, Tap, click,
                       is_on_screen, labels_on_screen, press_containing, show_tab, text_of,
                       type_into, wait_until)

KEY_COMMA = 0x2c
KEY_L = 0x6c
KEY_RIGHT = 0xff53
KEY_RETURN = 0xff0d
KEY_SPACE = 0x20
PASSPHRASE = 'quiet harbour lantern'

tap = Tap()
audit = Audit(tap)


def showing(predicate, timeout=10):
    return wait_until(lambda: next((t for t in labels_on_screen(lento) if predicate(t)), None),
                      timeout=timeout)


def on_screen(role, name, timeout=10):
    return wait_until(lambda: next((o for o in lento.find_all(role, name) if is_on_screen(o)),
                                   None), timeout=timeout)



def walk_every_page():
    global lento
    lento = Lento()

    # Set-up, step by step.
    tap.check(on_screen(pyatspi.ROLE_PUSH_BUTTON, 'Set Up Lento'), 'the welcome page shows')
    audit.walk(lento, 'set-up: welcome')
    click(lento, 'Set Up Lento')
    code = showing(lambda t: RECOVERY_CODE.match(t), timeout=20)
    tap.check(code is not None, 'set-up shows a recovery code')
    audit.walk(lento, 'set-up: recovery code')
    click(lento, 'I Have Written It Down')
    prompt = showing(lambda t: 'type group' in t)
    audit.walk(lento, 'set-up: check the code')
    group = int(''.join(c for c in prompt if c.isdigit()))
    type_into(lento, 'Group of the recovery code', code.split('-')[group - 1])
    click(lento, 'Check')
    tap.check(on_screen(pyatspi.ROLE_PUSH_BUTTON, 'Add Passphrase'), 'set-up offers a passphrase')
    audit.walk(lento, 'set-up: passphrase')
    tap.check(type_into(lento, 'New passphrase', PASSPHRASE)
              and type_into(lento, 'Repeat the passphrase', PASSPHRASE),
              'the passphrase can be typed twice')
    click(lento, 'Add Passphrase')

    # The plan, the inventory and the learn pages.
    tap.check(showing(lambda t: t == 'Today', timeout=30) is not None, 'the plan shows Today')
    audit.walk(lento, 'plan')
    click(lento, 'Open Tools and Lubricants')
    tap.check(showing(lambda t: t == 'Checks') is not None, 'the inventory opens')
    audit.walk(lento, 'inventory')
    click(lento, 'Plan')
    click(lento, 'Open Learn')
    topics = on_screen(pyatspi.ROLE_LIST, 'Topics')
    tap.check(topics is not None, 'the learn index opens')
    audit.walk(lento, 'learn: index')
    # The index starts on its first topic, and Enter opens it.
    lento.key(KEY_RETURN)
    tap.check(wait_until(lambda: not any(is_on_screen(o)
                                         for o in lento.find_all(pyatspi.ROLE_LIST, 'Topics'))),
              'Enter opens the first learn topic')
    audit.walk(lento, 'learn: topic')
    click(lento, 'Plan')
    click(lento, 'Plan')

    # The session: before it starts, in each phase, paused, and after It Hurts.
    tap.check(show_tab(lento, 'Session'), 'the Session view opens')
    tap.check(on_screen(pyatspi.ROLE_PUSH_BUTTON, 'Start') is not None, 'the session can start')
    audit.walk(lento, 'session: before')
    click(lento, 'Start')
    phases = []
    while True:
        phase = showing(lambda t: ' · ' in t and ' of ' in t)
        if phase is None or phase in phases:
            break
        phases.append(phase)
        audit.walk(lento, f'session: {phase}')
        if len(phases) == 1:
            lento.key(KEY_SPACE)
            tap.check(showing(lambda t: 'paused' in t.lower()) is not None, 'Space pauses the session')
            audit.walk(lento, 'session: paused')
            lento.key(KEY_SPACE)
        # "Warm Up · 2 of 3": skip on, up to the last phase.
        index, total = (int(n) for n in phase.rsplit(' · ', 1)[1].split(' of '))
        if index == total:
            break
        lento.key(KEY_RIGHT, [KEYCODE_CONTROL])
        wait_until(lambda: phase not in labels_on_screen(lento), timeout=5)
    tap.check(len(phases) >= 3, f'the session went through its phases ({phases!r})')
    tap.check(press_containing(lento, 'Hurts'), 'It Hurts ends the session')

    # The journal: the editor that It Hurts opens, the list, the statistics and
    # a new entry.
    tap.check(on_screen(pyatspi.ROLE_PUSH_BUTTON, 'Save Entry') is not None,
              'It Hurts opens the entry editor')
    audit.walk(lento, 'entry editor: after It Hurts')
    spin = on_screen(pyatspi.ROLE_SPIN_BUTTON, 'Diameter in millimetres')
    if spin is not None and spin.queryValue().currentValue <= 0:
        spin.queryValue().currentValue = 15
    click(lento, 'Save Entry')
    click(lento, 'Save Anyway')
    tap.check(showing(lambda t: 'Sharp pain' in t) is not None, 'the journal lists the entry')
    audit.walk(lento, 'journal')
    # GTK 4.8 presents a toggle button as a push button that is pressed.
    click(lento, 'Progress')
    tap.check(wait_until(lambda: not any('Sharp pain' in t for t in labels_on_screen(lento))),
              'the statistics open')
    audit.walk(lento, 'statistics')
    click(lento, 'Progress')
    tap.check(click(lento, 'New Entry') is not None, 'New Entry opens the editor')
    tap.check(on_screen(pyatspi.ROLE_PUSH_BUTTON, 'Save Entry') is not None, 'the editor shows')
    audit.walk(lento, 'entry editor: new entry')
    click(lento, 'Cancel')
    tap.check(show_tab(lento, 'Session'), 'back to the Session view')
    audit.walk(lento, 'session: after')

    # The preferences, in a window of their own.
    lento.key(KEY_COMMA, [KEYCODE_CONTROL])
    tap.check(lento.wait_for_frame('Preferences'), 'Ctrl+, opens the preferences')
    audit.walk(lento, 'preferences', frame='Preferences')
    lento.key(KEY_ESCAPE)
    tap.check(lento.wait_for_frame('Preferences', present=False), 'Escape closes the preferences')

    # The unlock page, and the same page after a wrong passphrase.
    lento.key(KEY_L, [KEYCODE_CONTROL])
    tap.check(showing(lambda t: t == 'Lento Is Locked') is not None, 'Ctrl+L locks')
    audit.walk(lento, 'unlock')
    type_into(lento, 'Passphrase', 'not the passphrase')
    click(lento, 'Unlock with passphrase')
    tap.check(showing(lambda t: 'passphrase' in t.lower() and 'not' in t.lower(), timeout=30)
              is not None, 'a wrong passphrase is refused')
    audit.walk(lento, 'unlock: after a wrong passphrase')
    type_into(lento, 'Passphrase', PASSPHRASE)
    click(lento, 'Unlock with passphrase')
    tap.check(wait_until(lambda: 'Lento Is Locked' not in labels_on_screen(lento), timeout=30),
              'the passphrase unlocks')

    lento.key(KEY_Q, [KEYCODE_CONTROL])
    status, _stderr = lento.finish()
    tap.check(status == 0, f'Ctrl+Q quits with status 0 (got {status})')


try:
    walk_every_page()
except Exception:  # Report what was walked and what Lento said, then fail.
    traceback.print_exc()
    tap.check(False, 'the audit walked every page')
finally:
    audit.finish()
    tap.finish()
