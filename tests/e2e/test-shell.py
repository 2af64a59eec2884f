#!/usr/bin/python3
# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The shell as a person meets it: switch views with the switcher buttons,
open About and the shortcuts by keyboard, quit with Ctrl+Q."""

import pyatspi

from lento_e2e import (KEY_ESCAPE, KEY_F10, KEY_Q, KEY_QUESTION, KEYCODE_CONTROL,
                       KEYCODE_SHIFT, Lento, Tap, complete_setup, is_on_screen, problem_lines,
                       wait_until)

VIEWS = [
    # Switcher button name, the view's accessible name: a group named after its tab.
    ('Session', 'Session'),
    ('Journal', 'Journal'),
    ('Plan', 'Plan'),
]

tap = Tap()
lento = Lento()

tap.check(lento.wait_for_frame('Lento'), 'the main window appears')
complete_setup(lento, tap)


def visible_views():
    names = [name for _, name in VIEWS]
    return sorted(view.name for view in lento.find_all(pyatspi.ROLE_PANEL)
                  if view.name in names and is_on_screen(view))


def switcher_button(name):
    buttons = [button for button in lento.find_all(pyatspi.ROLE_PAGE_TAB, name)
               if is_on_screen(button)]
    return buttons[0] if buttons else None


tap.check(wait_until(lambda: visible_views() == ['Plan']), 'the Plan view shows first')

for button_name, view_name in VIEWS:
    button = switcher_button(button_name)
    if not tap.check(button is not None, f'a “{button_name}” switcher button is on screen'):
        continue
    action = button.queryAction()
    action.doAction(0)
    shown = wait_until(lambda: visible_views() == [view_name], timeout=5)
    tap.check(shown, f'activating “{button_name}” shows {view_name} and only it')

# About by keyboard: F10 opens the main menu, A picks “About Lento”.
lento.key(KEY_F10)
lento.key(ord('a'))
tap.check(lento.wait_for_frame('About'), 'F10 then A opens the About window')
about_texts = [label.name for label in lento.find_all(pyatspi.ROLE_LABEL)]
tap.check(any('not medical advice' in text for text in about_texts),
          'About says Lento is not medical advice')
lento.key(KEY_ESCAPE)
tap.check(lento.wait_for_frame('About', present=False), 'Escape closes About')

lento.key(KEY_QUESTION, [KEYCODE_CONTROL, KEYCODE_SHIFT])
tap.check(lento.wait_for_frame('Keyboard Shortcuts'), 'Ctrl+? opens the shortcuts window')
lento.key(KEY_ESCAPE)
tap.check(lento.wait_for_frame('Keyboard Shortcuts', present=False),
          'Escape closes the shortcuts window')

lento.key(KEY_Q, [KEYCODE_CONTROL])
status, stderr = lento.finish()
tap.check(status == 0, f'Ctrl+Q quits with exit status 0 (got {status})')
problems = problem_lines(stderr)
tap.check(not problems, 'no critical, warning or error lines on stderr: ' + ' | '.join(problems))

tap.finish()
