#!/usr/bin/python3
# check-translations.py
#
# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every translation is complete for the strings the sources hold today: the
# template is extracted afresh (xgettext with the keywords of meson's "glib"
# preset, the same as the lento-pot target), each po/<lang>.po is merged with
# it without fuzzy matching, and msgfmt --check must then count no fuzzy and
# no untranslated message. So a new string without a translation fails here.
# The po files themselves must also pass msgfmt --check (format strings that
# match, a valid header and plural forms) and hold no fuzzy entry.
#
# Prints TAP, with each language's count of messages.
#
#   check-translations.py [SOURCE_DIR]

import os
import re
import subprocess
import sys
import tempfile

REQUIRED = {'de', 'fr', 'es', 'pt_BR', 'he'}

XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_printerr:1:c-format',
]

STATISTICS = re.compile(r'(\d+) translated messages?'
                        r'(?:, (\d+) fuzzy translations?)?'
                        r'(?:, (\d+) untranslated messages?)?')

checks = []


def check(ok, description, details=''):
    checks.append((ok, description, details))


def statistics(po):
    """msgfmt --check's counts: (translated, fuzzy, untranslated), or its errors."""
    result = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po],
                            capture_output=True, text=True)
    match = STATISTICS.search(result.stderr)
    if result.returncode != 0 or match is None:
        return None, result.stderr.strip()
    return tuple(int(n or 0) for n in match.groups()), ''


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else os.getcwd()
    po_dir = os.path.join(source, 'po')
    with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as linguas:
        languages = [word for line in linguas for word in line.split('#')[0].split()]
    files = sorted(name[:-3] for name in os.listdir(po_dir) if name.endswith('.po'))

    check(REQUIRED <= set(languages),
          'LINGUAS lists ' + ', '.join(sorted(REQUIRED)),
          'missing: ' + ', '.join(sorted(REQUIRED - set(languages))))
    check(sorted(languages) == files, 'LINGUAS lists exactly the po files',
          f'LINGUAS {sorted(languages)}, files {files}')

    with tempfile.TemporaryDirectory(prefix='lento-po-') as tmp:
        pot = os.path.join(tmp, 'lento.pot')
        result = subprocess.run(['xgettext', '--package-name=lento', '-o', pot,
                                 '--files-from=' + os.path.join(po_dir, 'POTFILES.in'),
                                 '--directory=' + source, *XGETTEXT_ARGS],
                                capture_output=True, text=True)
        check(result.returncode == 0, 'the template extracts from POTFILES.in', result.stderr)
        if result.returncode != 0:
            return

        for language in files:
            po = os.path.join(po_dir, language + '.po')
            counts, errors = statistics(po)
            check(counts is not None and counts[1] == 0,
                  f'{language}.po passes msgfmt --check with no fuzzy entry', errors or
                  f'{counts[1] if counts else "?"} fuzzy')

            merged = os.path.join(tmp, language + '.po')
            subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot],
                           check=True)
            counts, errors = statistics(merged)
            if counts is None:
                check(False, f'{language}: every message of today\'s sources translated', errors)
                continue
            translated, fuzzy, untranslated = counts
            check(fuzzy == 0 and untranslated == 0,
                  f'{language}: {translated} messages, every one of today\'s sources translated',
                  f'{untranslated} untranslated, {fuzzy} fuzzy')


if __name__ == '__main__':
    main()
    print(f'1..{len(checks)}')
    for number, (ok, description, details) in enumerate(checks, 1):
        print(f'{"ok" if ok else "not ok"} {number} - {description}')
        if not ok and details:
            for line in details.splitlines()[:20]:
                print(f'# {line}')
