#!/usr/bin/python3
# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A guided session as a person runs it on first run: start today's session
from the Plan view, pause and resume with Space, skip a phase with Ctrl+Right,
stop with "It hurts"; the entry editor opens with the pain filled in, the
saved entry shows it in the journal, and Today says to rest."""

import pyatspi

from lento_e2e import (KEY_Q, KEYCODE_CONTROL, Lento, Tap, click, complete_setup, is_on_screen,
                       labels_on_screen, plan_today, press_containing, problem_lines, show_tab,
                       wait_until)

KEY_SPACE = 0x20
KEY_RIGHT = 0xff53
tap = Tap()


def showing(lento, predicate, timeout=10):
    return wait_until(lambda: next((t for t in labels_on_screen(lento) if predicate(t)), None),
                      timeout=timeout)


lento = Lento()
complete_setup(lento, tap)
plan_today(lento, tap)

tap.check(press_containing(lento, 'Start Session'), 'Today starts the session from the plan')
phase = showing(lento, lambda t: '1 of' in t)
tap.check(phase is not None, f'the session shows its first phase (got {phase!r})')

lento.key(KEY_SPACE)
tap.check(showing(lento, lambda t: 'paused' in t.lower()) is not None, 'Space pauses')
lento.key(KEY_SPACE)
tap.check(wait_until(lambda: not any('paused' in t.lower() for t in labels_on_screen(lento))),
          'Space again resumes')

lento.key(KEY_RIGHT, [KEYCODE_CONTROL])
phase = showing(lento, lambda t: '2 of' in t)
tap.check(phase is not None, f'Ctrl+Right skips to the next phase (got {phase!r})')

tap.check(press_containing(lento, 'Hurts'), 'the It Hurts button is there and pressed')

# The editor opens by itself, with the sharp pain switched on.
switch = wait_until(lambda: next(
    (s for s in lento.find_all(None, 'Sharp pain') if is_on_screen(s)
     and s.getRole() != pyatspi.ROLE_LABEL), None))
tap.check(switch is not None, 'the entry editor opens after It Hurts')
tap.check(switch is not None and switch.getState().contains(pyatspi.STATE_CHECKED),
          'the editor has the sharp pain filled in')

# On first run there is no tool yet, and a session entry needs a size: the
# person gives the one they used.
spin = wait_until(lambda: next((s for s in lento.find_all(pyatspi.ROLE_SPIN_BUTTON,
                                                          'Diameter in millimetres')
                                if is_on_screen(s)), None))
if spin is not None and spin.queryValue().currentValue <= 0:
    spin.queryValue().currentValue = 15
tap.check(click(lento, 'Save Entry'), 'the entry is saved')
# The timer knows only the pain: comfort and resistance are the person's to answer.
tap.check(click(lento, 'Save Anyway'), 'saving without comfort and resistance asks first')
# The pain starts at the plan's step-back level (4 in the shipped plan).
row = showing(lento, lambda t: 'Sharp pain' in t and 'Pain 4' in t)
tap.check(row is not None, f'the journal list shows the pain on the new entry ({row!r})')

tap.check(show_tab(lento, 'Plan'), 'back to the Plan view')
rest = showing(lento, lambda t: 'rest' in t.lower())
tap.check(rest is not None, f'Today says to rest (got {rest!r})')

lento.key(KEY_Q, [KEYCODE_CONTROL])
status, stderr = lento.finish()
tap.check(status == 0, f'Ctrl+Q quits with status 0 (got {status})')
problems = problem_lines(stderr)
tap.check(not problems, 'nothing alarming on stderr: ' + ' | '.join(problems))
tap.finish()
