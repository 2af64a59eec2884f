#!/usr/bin/python3
# check-capitalisation.py
#
# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every heading, title, button and menu item Lento shows follows the GNOME
# HIG's header capitalisation: every word starts with a capital except
# articles, coordinating conjunctions and prepositions of three letters or
# fewer, which stay small unless they are the first or last word (or the
# first after a colon). Translators copy what the English does, so a title in
# sentence case here becomes a title in sentence case in five languages.
#
# The strings come from the places that hold them:
#   - the .ui files: window and page titles, status pages, preferences groups
#     and rows, buttons, toggle buttons, menu buttons, button contents,
#     dialog headings, labels styled as titles, menu items, shortcuts;
#   - the C files of src/ui: the calls that set one of those from code, and
#     the functions whose every string is a heading;
#   - the learn pages' titles in src/core/lento-learn.c;
#   - the plan's titles in data/plan/program.json (plan, stages, session
#     templates and cues).
# Descriptions, subtitles, tooltips, check buttons and body text are
# sentence case and are not read here.
#
# Prints TAP: one line for the rule's own cases, one for each source.
#
#   check-capitalisation.py [SOURCE_DIR]

import json
import os
import re
import sys
import xml.etree.ElementTree as ET

# Words that stay small inside a title: articles, coordinating conjunctions
# and prepositions of up to three letters.
MINOR = {
    'a', 'an', 'the',
    'and', 'but', 'or', 'nor', 'for', 'so', 'yet',
    'as', 'at', 'by', 'in', 'of', 'on', 'per', 'to', 'via',
}

# Deliberate exceptions: units and words that are never capitalised.
ALLOWED = {
    'mm', 'min', 's',
}

# The rule's own cases: (text, whether it is header capitalisation).
RULE_CASES = [
    ('Get Comfortable', True),
    ('Get comfortable', False),
    ('The Urge to Go', True),
    ('The urge to go', False),
    ('The Urge To Go', False),
    ('Rest Today', True),
    ('Rest today', False),
    ('Stay With It', True),
    ('Settle and Breathe', True),
    ('It _Hurts, Stop Now', True),
    ('Export as _CSV…', True),
    ('_Summary for a Clinician (PDF)…', True),
    ('A New Stage: %s', True),
    ('A new stage: %s', False),
    ('The Journal’s Key File Is Missing', True),
    ('Sessions per Week', True),
    ('Urge Faded at Minute %d', True),
    ('The Warm-Up Size', True),
    ('The Warm-up Size', False),
    ('Lento: Today', True),
    ('Easing Off', True),
    ('Look After Yourself', True),
    ('Set Up Lento', True),
    ('12 mm', True),
    ('Of Course', True),
    ('In Time', True),
    ('Plan', True),
]

WORD = re.compile(r"[^\s]+")
PLACEHOLDER = re.compile(r"^%(\d+\$)?[-#0 +']*\d*(\.\d+)?(l|ll|h|z)?[diouxXeEfgGcsp%]$")


def strip_word(word):
    """The letters of a word, without mnemonics and the punctuation around it."""
    word = word.replace('_', '')
    return word.strip('.,:;!?…()[]“”"‘\'')


def header_problems(text):
    """The words of @text that break header capitalisation."""
    problems = []
    words = WORD.findall(text)
    starts = set()
    # The first word, and the first word after a colon, open a title.
    for i, word in enumerate(words):
        if i == 0 or words[i - 1].endswith(':'):
            starts.add(i)
    last = len(words) - 1

    for i, raw in enumerate(words):
        word = strip_word(raw)
        if word == '' or PLACEHOLDER.match(word) or word in ALLOWED:
            continue
        if not word[0].isalpha():
            continue
        parts = word.split('-')
        for j, part in enumerate(parts):
            if part == '' or not part[0].isalpha():
                continue
            edge = (i in starts and j == 0) or (i == last and j == len(parts) - 1)
            minor = part.lower() in MINOR and len(parts) == 1
            if minor and not edge:
                if part[0].isupper():
                    problems.append(f'“{part}” should be small')
            elif part[0].islower():
                problems.append(f'“{part}” should start with a capital')
    return problems


# The .ui files ---------------------------------------------------------------

# (class, property): which properties of which classes are headers. A class
# of None stands for any class.
UI_HEADER_PROPERTIES = [
    (None, 'title'),
    (None, 'heading'),
    ('GtkButton', 'label'),
    ('GtkToggleButton', 'label'),
    ('GtkMenuButton', 'label'),
    ('AdwButtonContent', 'label'),
    ('AdwSplitButton', 'label'),
    ('GtkLinkButton', 'label'),
]

TITLE_STYLES = {'title-1', 'title-2', 'title-3', 'title-4', 'heading'}


def ui_headers(path):
    tree = ET.parse(path)
    found = []

    def visit(element):
        if element.tag in ('object', 'template'):
            cls = element.get('class')
            styles = {c.get('name') for style in element.findall('style')
                      for c in style.findall('class')}
            for prop in element.findall('property'):
                if prop.get('translatable') != 'yes' or prop.text is None:
                    continue
                name = prop.get('name').replace('_', '-')
                wanted = any((c is None or c == cls) and p == name
                             for c, p in UI_HEADER_PROPERTIES)
                if cls == 'GtkLabel' and name == 'label' and styles & TITLE_STYLES:
                    wanted = True
                if wanted:
                    found.append((f'{cls}:{name}', prop.text))
        if element.tag == 'item':
            for attribute in element.findall('attribute'):
                if attribute.get('name') == 'label' and attribute.get('translatable') == 'yes':
                    found.append(('menu item', attribute.text))
        for child in element:
            # Accessible names are read aloud, not shown; they are not titles.
            if child.tag == 'accessibility':
                continue
            visit(child)

    visit(tree.getroot())
    return found


# The C files -----------------------------------------------------------------

# A translatable literal: _("…"), N_("…") or C_("context", "…"), with the
# literal possibly split over several lines.
LITERAL = r'"(?:[^"\\]|\\.)*"(?:\s*"(?:[^"\\]|\\.)*")*'
TRANSLATABLE = re.compile(r'\b(?:N?_|C_\s*\(\s*' + LITERAL + r'\s*,)\s*\(?\s*(' + LITERAL + r')')


def c_string(literal):
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', literal)
    return ''.join(parts).encode('utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')


def split_arguments(text, start):
    """The arguments of the call whose '(' is at @start, as source text."""
    depth = 0
    args = []
    current = start + 1
    i = start
    in_string = False
    while i < len(text):
        ch = text[i]
        if in_string:
            if ch == '\\':
                i += 1
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch == '(':
            depth += 1
        elif ch == ')':
            depth -= 1
            if depth == 0:
                args.append(text[current:i])
                return args
        elif ch == ',' and depth == 1:
            args.append(text[current:i])
            current = i + 1
        i += 1
    return args


# (function called, which arguments are headers: a position, or None for all)
C_HEADER_CALLS = [
    ('adw_status_page_set_title', 1),
    ('adw_preferences_group_set_title', 1),
    ('adw_preferences_page_set_title', 1),
    ('adw_preferences_row_set_title', 1),
    ('adw_message_dialog_new', 1),
    ('adw_message_dialog_set_heading', 1),
    ('adw_message_dialog_add_response', 2),
    ('adw_message_dialog_add_responses', None),
    ('adw_toast_set_button_label', 1),
    ('adw_view_stack_add_titled', 3),
    ('gtk_button_new_with_label', 0),
    ('gtk_button_new_with_mnemonic', 0),
    ('gtk_toggle_button_new_with_mnemonic', 0),
    ('gtk_button_set_label', 1),
    ('gtk_window_set_title', 1),
    ('lento_file_chooser_new', 0),
    ('lento_file_chooser_new', 3),
    ('lento_file_chooser_new', 4),
    ('g_notification_new', 0),
    ('g_notification_add_button', 1),
    ('show_error', 1),
    ('lento_preferences_window_show_error', 1),
    ('_lento_window_show_error', 1),
    ('lento_setup_page_show_error', 1),
    ('add_chart', 4),
    ('add_switch_row', 1),
    ('add_combo_row', 1),
]

# (file, function, where): the translatable strings in the function that are
# headings: those that follow a match of @where, or all of them for None.
C_HEADER_FUNCTIONS = [
    ('src/ui/lento-plan-view.c', 'kind_title', None),
    ('src/ui/lento-plan-view.c', 'update_today', r'\btitle\s*=\s*g_strdup_printf\s*\('),
    ('src/ui/lento-session-view.c', 'phase_kind_title', None),
]

# A label whose widget is named like a title (self->done_title) shows one:
# every translatable string in the text it is given is a heading.
C_TITLE_LABEL = re.compile(r'\bgtk_label_set_(?:label|text)\s*\(\s*self->\w*title\b\s*,')

# Assignments whose value is a heading, like heading = g_strdup (_("Add a Tool")).
C_HEADER_ASSIGNMENT = re.compile(r'\bheading\s*=\s*(?:g_strdup(?:_printf)?\s*\()?\s*(?=[NC]?_\s*\()')


def c_headers(path, relative):
    text = open(path, encoding='utf-8').read()
    found = []

    for name, position in C_HEADER_CALLS:
        for match in re.finditer(r'(?<![\w>.])' + re.escape(name) + r'\s*\(', text):
            # Skip the function's own definition or declaration.
            line_start = text.rfind('\n', 0, match.start()) + 1
            if match.start() == line_start:
                continue
            args = split_arguments(text, match.end() - 1)
            chosen = args if position is None else args[position:position + 1]
            for arg in chosen:
                for literal in TRANSLATABLE.finditer(arg):
                    found.append((name, c_string(literal.group(1))))

    for file, function, where in C_HEADER_FUNCTIONS:
        if file != relative:
            continue
        match = re.search(r'^' + re.escape(function) + r'\s*\([^)]*\)\s*\{', text, re.M)
        if match is None:
            raise LookupError(f'{relative}: no function {function}()')
        end = text.find('\n}\n', match.end())
        body = text[match.end():end]
        if where is None:
            chosen = [body]
        else:
            chosen = [split_arguments(body, m.end() - 1)[0] for m in re.finditer(where, body)]
            if not chosen:
                raise LookupError(f'{relative}: {function}() no longer has {where}')
        for part in chosen:
            for literal in TRANSLATABLE.finditer(part):
                found.append((function, c_string(literal.group(1))))

    for match in C_TITLE_LABEL.finditer(text):
        args = split_arguments(text, text.rfind('(', 0, match.start() + len(match.group(0))))
        for literal in TRANSLATABLE.finditer(args[1] if len(args) > 1 else ''):
            found.append(('title label', c_string(literal.group(1))))

    for match in C_HEADER_ASSIGNMENT.finditer(text):
        literal = TRANSLATABLE.match(text, match.end())
        if literal:
            found.append(('heading', c_string(literal.group(1))))

    return found


def learn_headers(path):
    text = open(path, encoding='utf-8').read()
    return [('learn page', c_string(m.group(1)))
            for m in re.finditer(r'\{\s*"[a-z-]+",\s*N_\s*\((' + LITERAL + r')\)', text)]


# The plan --------------------------------------------------------------------

def program_headers(path):
    program = json.load(open(path, encoding='utf-8'))
    found = [('plan title', program['title'])]
    found += [(f'stage {s["id"]}', s['title']) for s in program.get('stages', [])]
    found += [(f'template {t["id"]}', t['title']) for t in program.get('templates', [])]
    found += [(f'cue {cue_id}', cue['title']) for cue_id, cue in program.get('cues', {}).items()]
    return found


# Running ---------------------------------------------------------------------

def sources(root):
    ui_dir = os.path.join(root, 'src', 'ui')
    for folder, _, files in sorted(os.walk(ui_dir)):
        for name in sorted(files):
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, root)
            if name.endswith('.ui'):
                yield relative, lambda p=path: ui_headers(p)
            elif name.endswith('.c'):
                yield relative, lambda p=path, r=relative: c_headers(p, r)
    yield 'src/core/lento-learn.c', lambda: learn_headers(
        os.path.join(root, 'src', 'core', 'lento-learn.c'))
    yield 'data/plan/program.json', lambda: program_headers(
        os.path.join(root, 'data', 'plan', 'program.json'))


def main(argv):
    root = argv[1] if len(argv) > 1 else os.environ.get(
        'LENTO_SOURCE_DIR', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
    results = []

    wrong = [(text, ok) for text, ok in RULE_CASES if (header_problems(text) == []) != ok]
    results.append(('the rule reads its own cases right', [
        f'“{text}” should be {"accepted" if ok else "refused"}' for text, ok in wrong]))

    checked = 0
    for relative, read in sources(root):
        problems = []
        for where, text in read():
            checked += 1
            for problem in header_problems(text):
                problems.append(f'{where}: “{text}”: {problem}')
        results.append((f'{relative} uses header capitalisation', problems))

    print(f'1..{len(results)}')
    for number, (name, problems) in enumerate(results, 1):
        print(f'{"not ok" if problems else "ok"} {number} - {name}')
        for problem in problems:
            print(f'# {problem}')
    print(f'# {checked} titles, headings, buttons and menu items checked')
    return 1 if any(problems for _, problems in results) else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
