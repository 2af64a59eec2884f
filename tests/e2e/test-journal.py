#!/usr/bin/python3
# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The journal as a person uses it: write an entry in the editor (saved after
one question, without how it felt), find it in the list and by search, lock
Lento, open it again with the recovery code, and find the entry still there."""

import pyatspi

from lento_e2e import (KEY_Q, KEYCODE_CONTROL, Lento, Tap, click, complete_setup, is_on_screen,
                       labels_on_screen, problem_lines, type_into, wait_until)

KEY_F = 0x66
KEY_L = 0x6c
MARKER = 'quietmarker'
tap = Tap()


def showing(lento, text, timeout=10):
    return wait_until(lambda: any(text in label for label in labels_on_screen(lento)),
                      timeout=timeout)


def show_journal(lento):
    tabs = wait_until(lambda: [tab for tab in lento.find_all(pyatspi.ROLE_PAGE_TAB, 'Journal')
                               if is_on_screen(tab)])
    if not tabs:
        return False
    tabs[0].queryAction().doAction(0)
    return True


def set_value(lento, name, value):
    spin = wait_until(lambda: next((s for s in lento.find_all(pyatspi.ROLE_SPIN_BUTTON, name)
                                    if is_on_screen(s)), None))
    if spin is None:
        return False
    spin.queryValue().currentValue = value
    return True


lento = Lento()
code = complete_setup(lento, tap)
tap.check(code is not None, 'set-up gives a recovery code')
tap.check(show_journal(lento), 'the Journal switcher button is there')
tap.check(showing(lento, 'No Entries Yet'), 'an empty journal says so calmly')

# A new entry through the editor.
tap.check(click(lento, 'New Entry'), 'the New Entry button opens the editor')
tap.check(set_value(lento, 'Diameter in millimetres', 23.5), 'the diameter can be set')
set_value(lento, 'Whole session in minutes', 20)
set_value(lento, 'Wear time in minutes', 12)
tap.check(type_into(lento, 'Tags', MARKER), 'tags can be typed')
tap.check(click(lento, 'Save Entry'), 'the editor can be saved')
# How it felt was left unanswered: the editor asks once, and Save Anyway saves.
tap.check(showing(lento, 'Save Without How It Felt?'),
          'saving a session without how it felt asks first')
tap.check(click(lento, 'Save Anyway'), 'the question lets the entry be saved anyway')
tap.check(showing(lento, '23.5\u00a0mm'), 'the new entry shows in the list with its size')
tap.check(showing(lento, '12 min worn'), 'the row shows the wear time')
tap.check(showing(lento, 'Comfort – · Pain –'),
          'the row shows comfort and pain as not recorded, not as 0')

# Search finds it by its tag, and finds nothing for other words.
lento.key(KEY_F, [KEYCODE_CONTROL])
tap.check(type_into(lento, 'Search the journal', MARKER.upper()), 'Ctrl+F opens the search')
tap.check(showing(lento, '23.5\u00a0mm'), 'searching for its tag finds the entry')
type_into(lento, 'Search the journal', 'nothing like this')
tap.check(showing(lento, 'No Matching Entries'), 'a search without results says so')
type_into(lento, 'Search the journal', '')
tap.check(showing(lento, '23.5\u00a0mm'), 'clearing the search shows the entry again')

# Lock, then open with the recovery code.
lento.key(KEY_L, [KEYCODE_CONTROL])
tap.check(showing(lento, 'Lento Is Locked'), 'Ctrl+L locks')
tap.check(not any('23.5\u00a0mm' in label for label in labels_on_screen(lento)),
          'nothing of the entry is on screen while locked')
tap.check(type_into(lento, 'Recovery Code', code.lower() if code else ''),
          'the recovery code can be typed')
tap.check(click(lento, 'Unlock with recovery code'), 'the recovery code can be sent')
wait_until(lambda: not any('Lento Is Locked' in label for label in labels_on_screen(lento)),
           timeout=20)
show_journal(lento)
tap.check(showing(lento, '23.5\u00a0mm', timeout=20), 'after unlocking, the entry is still there')

lento.key(KEY_Q, [KEYCODE_CONTROL])
status, stderr = lento.finish()
tap.check(status == 0, f'Ctrl+Q quits with status 0 (got {status})')
problems = problem_lines(stderr)
tap.check(not problems, 'nothing alarming on stderr: ' + ' | '.join(problems))
tap.finish()
