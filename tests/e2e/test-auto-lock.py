#!/usr/bin/python3
# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A session through an auto-lock, as it happens to a person who does not
touch the keyboard during wear time: start today's session, let Lento lock
itself after the idle minute, see the timer on the lock page without the
cue's words, press It Hurts there, unlock with the recovery code, and find
the entry in the journal and the plan saying rest."""

import pyatspi

from lento_e2e import (KEY_Q, KEYCODE_CONTROL, Lento, Tap, click, complete_setup, is_on_screen,
                       labels_on_screen, plan_today, press_containing, problem_lines, show_tab,
                       type_into, wait_until)

tap = Tap()


lento = Lento(settings={'auto-lock-minutes': '1'})
code = complete_setup(lento, tap)
plan_today(lento, tap)

tap.check(press_containing(lento, 'Start Session'), 'today’s session starts from the plan')
tap.check(wait_until(lambda: any('1 of' in t for t in labels_on_screen(lento))) is not None,
          'the session shows its first phase')
# The words of the cue on screen now: a sentence, not a name or a time.
cues = wait_until(lambda: [t for t in labels_on_screen(lento) if len(t) > 40 and '.' in t])
tap.check(bool(cues), f'the session shows a cue ({cues!r})')

# Nobody touches anything: after the idle minute Lento locks by itself.
locked = wait_until(lambda: 'Lento Is Locked' in labels_on_screen(lento), timeout=150)
tap.check(locked, 'auto-lock fires during the session')

shown = labels_on_screen(lento)
tap.check(any('1 of' in t or '2 of' in t for t in shown),
          f'the lock page shows the phase of the session ({shown!r})')
tap.check(any(':' in t and t.replace(':', '').isdigit() for t in shown),
          'the lock page shows the time')
tap.check(not any(cue in shown for cue in cues or []),
          'no cue text is readable on the locked screen')
tap.check(not any('Plan' == t for t in shown), 'nothing of the plan is on the locked screen')

tap.check(press_containing(lento, 'Hurts'), 'It Hurts is there on the lock page and works')
tap.check(wait_until(lambda: any('Unlock your journal to record it' in t
                                 for t in labels_on_screen(lento))) is not None,
          'the lock page says the session waits for the journal')

type_into(lento, 'Recovery Code', code)
tap.check(click(lento, 'Unlock with recovery code'), 'the recovery code can be sent')

# The entry is in the journal, with the sharp pain, before anything is saved.
switch = wait_until(lambda: next(
    (s for s in lento.find_all(None, 'Sharp pain') if is_on_screen(s)
     and s.getRole() != pyatspi.ROLE_LABEL), None), timeout=20)
tap.check(switch is not None and switch.getState().contains(pyatspi.STATE_CHECKED),
          'after unlocking, the editor shows the session with the sharp pain')
tap.check(click(lento, 'Cancel'), 'the editor can be left without saving')
row = wait_until(lambda: next((t for t in labels_on_screen(lento) if 'Sharp pain' in t), None))
tap.check(row is not None, f'the journal holds the session that hurt ({row!r})')

tap.check(show_tab(lento, 'Plan'), 'back to the Plan view')
rest = wait_until(lambda: next((t for t in labels_on_screen(lento) if 'rest' in t.lower()), None))
tap.check(rest is not None, f'the plan says rest ({rest!r})')

lento.key(KEY_Q, [KEYCODE_CONTROL])
status, stderr = lento.finish()
tap.check(status == 0, f'Ctrl+Q quits with status 0 (got {status})')
problems = problem_lines(stderr)
tap.check(not problems, 'nothing alarming on stderr: ' + ' | '.join(problems))
tap.finish()
