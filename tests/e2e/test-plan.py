#!/usr/bin/python3
# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Plan view as a person meets it on first run: Today says what to do,
the inventory page takes fingers and a lubricant and refuses a numbing one,
and with them Today moves on to the week-1 stage. A session logged in the
journal with pain 6 turns today into rest, and Today says what comes after.
Pain at or above 4 asks for a few days of rest and a step back a size; the
little finger is already the gentlest step, so what comes after the rest is a
session at the same size, taken slowly. The entry names no tool, so it moves
the plan to no other stage."""

import pyatspi

from lento_e2e import (KEY_Q, KEYCODE_CONTROL, Lento, Tap, click, complete_setup, is_on_screen,
                       plan_today, problem_lines, show_tab, text_of, type_into, wait_until)

tap = Tap()


def label_on_screen(lento, predicate):
    return wait_until(lambda: next(
        (text_of(l) for l in lento.find_all(pyatspi.ROLE_LABEL)
         if is_on_screen(l) and predicate(text_of(l))), None))


lento = Lento()
complete_setup(lento, tap)
plan_today(lento, tap)

tap.check(label_on_screen(lento, lambda t: t == 'Today') is not None,
          'after set-up the Plan view shows Today')
tap.check(wait_until(lambda: any(is_on_screen(b) and 'Start Session' in (b.name or '')
                                 for b in lento.find_all(pyatspi.ROLE_PUSH_BUTTON))),
          'Today has a Start Session button')

tap.check(click(lento, 'Open Tools and Lubricants'), 'the inventory page opens from the plan')
tap.check(label_on_screen(lento, lambda t: t == 'Checks') is not None,
          'the inventory page shows its checks')

# Fingers from the presets, and a water-based lubricant.


def named_exactly(control, name):
    # GTK 4.8 names a button with a mnemonic "_Add Add": label, then text.
    return (control.name or '').replace('_', '') in (name, name + ' ' + name)


def press(lento, name, exact=False):
    """Activates the on-screen control called @name that has an action: a
    menu button shows up twice, as itself and as the toggle inside it."""
    def find():
        for control in lento.find_all(pyatspi.ROLE_PUSH_BUTTON if exact else None,
                                      None if exact else name):
            if is_on_screen(control) and (not exact or named_exactly(control, name)):
                action = control.queryAction()
                if action is not None and action.nActions > 0:
                    return action
        return None
    action = wait_until(find)
    if action is None:
        return False
    action.doAction(0)
    return True


tap.check(press(lento, 'Add a tool'), 'the add-tool menu opens')
item = wait_until(lambda: next(
    (i for i in lento.find_all(None, 'Your Fingers') if is_on_screen(i)), None))
tap.check(item is not None, 'the menu offers your fingers')
if item is not None:
    item.queryAction().doAction(0)
tap.check(wait_until(lambda: any(is_on_screen(l) and text_of(l) == 'Little finger'
                                 for l in lento.find_all(pyatspi.ROLE_LABEL))),
          'the fingers are in the list')

tap.check(click(lento, 'Add a lubricant'), 'a lubricant can be added')
tap.check(type_into(lento, 'Name', 'Aqua'), 'the lubricant gets a name')
tap.check(press(lento, 'Add', exact=True), 'the lubricant is added')
tap.check(wait_until(lambda: any(is_on_screen(l) and text_of(l) == 'Aqua'
                                 for l in lento.find_all(pyatspi.ROLE_LABEL))),
          'the lubricant is in the list')

tap.check(press(lento, 'Plan', exact=True), 'back to the plan')
title = label_on_screen(lento, lambda t: t.startswith('A New Stage'))
tap.check(title is not None and 'Outside First' in title,
          f'Today moves on to the week-1 stage (got {title!r})')

# A session with pain 6, logged through the journal's editor.


def all_labels(lento):
    return [text_of(l) for l in lento.find_all(pyatspi.ROLE_LABEL) if is_on_screen(l)]


tap.check(show_tab(lento, 'Journal'), 'the journal opens')
tap.check(click(lento, 'New Entry'), 'the New Entry button opens the editor')
pain = wait_until(lambda: next((s for s in lento.find_all(pyatspi.ROLE_SLIDER, 'Pain from 0 to 10')
                                if is_on_screen(s)), None))
tap.check(pain is not None, 'the editor has a pain scale')
if pain is not None:
    pain.queryValue().currentValue = 6
# The little finger's size: the editor asks for the diameter of what was used.
diameter = wait_until(lambda: next((s for s in lento.find_all(pyatspi.ROLE_SPIN_BUTTON,
                                                              'Diameter in millimetres')
                                    if is_on_screen(s)), None))
tap.check(diameter is not None, 'the editor has a diameter')
if diameter is not None:
    diameter.queryValue().currentValue = 14
tap.check(click(lento, 'Save Entry'), 'the entry is saved')
# Comfort and resistance were left unanswered: the editor asks once.
tap.check(click(lento, 'Save Anyway'), 'the entry is saved without comfort and resistance')

tap.check(wait_until(lambda: any('Pain 6' in t or 'pain 6' in t for t in all_labels(lento))
                     or 'No Entries Yet' not in all_labels(lento)),
          'the journal holds the entry')
tap.check(show_tab(lento, 'Plan'), 'back to the plan')
title = label_on_screen(lento, lambda t: t == 'Rest Today')
tap.check(title is not None, f'Today now says rest (labels {all_labels(lento)!r})')
tap.check(label_on_screen(lento, lambda t: 'pain 6 of 10' in t and 'the gentlest step' in t)
          is not None,
          'the reason names the pain and says to stay with the gentlest step')
after = label_on_screen(lento, lambda t: t.startswith('After the rest comes'))
tap.check(after is not None and 'a session at the same size' in after
          and 'The next planned session is on' in after,
          f'what comes after: a session at the same size, and when (got {after!r})')
tap.check(label_on_screen(lento, lambda t: 'Pain of 6 out of 10' in t and 'Rest until' in t)
          is not None,
          'pain 6 asks for a few days of rest, and the reason says until when')

lento.key(KEY_Q, [KEYCODE_CONTROL])
status, stderr = lento.finish()
tap.check(status == 0, f'Ctrl+Q quits with status 0 (got {status})')
problems = problem_lines(stderr)
tap.check(not problems, 'nothing alarming on stderr: ' + ' | '.join(problems))
tap.finish()
