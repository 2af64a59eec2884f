#!/usr/bin/python3
# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The shell as a person meets it: switch views with the switcher buttons,
open About and the shortcuts by keyboard, quit with Ctrl+Q."""

import pyatspi

from lento_e2e import (KEY_ESCAPE, KEY_F10, KEY_Q, KEY_QUESTION, KEYCODE_CONTROL,
                       KEYCODE_SHIFT, LANGUAGE, Lento, Tap, _, adw_, complete_setup,
                       is_on_screen, mnemonic, problem_lines, wait_until)

VIEWS = [
    # Switcher button name, the view's accessible name: a group named after its tab.
    (_('Session'), _('Session')),
    (_('Journal'), _('Journal')),
    (_('Plan'), _('Plan')),
]

tap = Tap()
lento = Lento()
tap.check(True, f'runs in {LANGUAGE}')

tap.check(lento.wait_for_frame('Lento'), 'the main window appears')
complete_setup(lento, tap)


def visible_views():
    names = [name for _button, name in VIEWS]
    return sorted(view.name for view in lento.find_all(pyatspi.ROLE_PANEL)
                  if view.name in names and is_on_screen(view))


def switcher_button(name):
    buttons = [button for button in lento.find_all(pyatspi.ROLE_PAGE_TAB, name)
               if is_on_screen(button)]
    return buttons[0] if buttons else None


tap.check(wait_until(lambda: visible_views() == [_('Plan')]), 'the Plan view shows first')

for button_name, view_name in VIEWS:
    button = switcher_button(button_name)
    if not tap.check(button is not None, f'a “{button_name}” switcher button is on screen'):
        continue
    action = button.queryAction()
    action.doAction(0)
    shown = wait_until(lambda: visible_views() == [view_name], timeout=5)
    tap.check(shown, f'activating “{button_name}” shows {view_name} and only it')

# About by keyboard: F10 opens the main menu, the mnemonic picks “About Lento”.
about_title = adw_('About')
lento.key(KEY_F10)
lento.key(ord(mnemonic(_('_About Lento'))))
tap.check(lento.wait_for_frame(about_title), 'F10 then the mnemonic opens the About window')
about_texts = [label.name for label in lento.find_all(pyatspi.ROLE_LABEL)]
disclaimer = _('Lento gives general guidance, not medical advice. If something hurts, bleeds '
               'or worries you, please see a clinician.')
tap.check(any(disclaimer in text for text in about_texts),
          'About says Lento is not medical advice')
lento.key(KEY_ESCAPE)
tap.check(lento.wait_for_frame(about_title, present=False), 'Escape closes About')

lento.key(KEY_QUESTION, [KEYCODE_CONTROL, KEYCODE_SHIFT])
tap.check(lento.wait_for_frame(_('Keyboard Shortcuts')), 'Ctrl+? opens the shortcuts window')
lento.key(KEY_ESCAPE)
tap.check(lento.wait_for_frame(_('Keyboard Shortcuts'), present=False),
          'Escape closes the shortcuts window')

lento.key(KEY_Q, [KEYCODE_CONTROL])
status, stderr = lento.finish()
tap.check(status == 0, f'Ctrl+Q quits with exit status 0 (got {status})')
problems = problem_lines(stderr)
tap.check(not problems, 'no critical, warning or error lines on stderr: ' + ' | '.join(problems))

tap.finish()
