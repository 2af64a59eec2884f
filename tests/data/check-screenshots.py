#!/usr/bin/python3
# check-screenshots.py
#
# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The metainfo's screenshots are pictures checked in under data/screenshots/,
# made from the real window by tests/ui/test-app-screenshots.c and copied by
# build-aux/update-screenshots. Software centres fetch them from the project's
# repository, so every <image> is the raw address of one of those files, in
# the repository the homepage names; none is missing, none is left over, one
# is the default and each has a caption.
#
# Prints TAP: one line for each thing checked.
#
#   check-screenshots.py [SOURCE_DIR]

import os
import re
import struct
import sys
import xml.etree.ElementTree as ET

METAINFO = os.path.join('data', 'io.github.lento.Lento.metainfo.xml.in.in')
SCREENSHOTS = os.path.join('data', 'screenshots')
UI_TEST = os.path.join('tests', 'ui', 'test-app-screenshots.c')
PNG_MAGIC = b'\x89PNG\r\n\x1a\n'

# The narrowest window Lento supports, and a picture a software centre can show.
MIN_WIDTH = 360
MAX_SIDE = 2000


def png_size(path):
    """The width and height of a PNG, or None when the file is not one."""
    with open(path, 'rb') as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != PNG_MAGIC or head[12:16] != b'IHDR':
        return None
    return struct.unpack('>II', head[16:24])


def raw_base(homepage):
    """https://github.com/OWNER/REPO → the raw address of its main branch."""
    match = re.fullmatch(r'https://github\.com/([^/]+)/([^/]+?)/?', homepage or '')
    if match is None:
        return None
    return f'https://raw.githubusercontent.com/{match.group(1)}/{match.group(2)}/main/'


def check(root):
    results = []
    tree = ET.parse(os.path.join(root, METAINFO))
    component = tree.getroot()

    homepage = next((url.text for url in component.findall('url')
                     if url.get('type') == 'homepage'), None)
    base = raw_base(homepage)
    results.append(('the homepage is a GitHub repository', [] if base else [
        f'homepage “{homepage}” is not https://github.com/OWNER/REPO']))
    prefix = (base or '') + SCREENSHOTS.replace(os.sep, '/') + '/'

    screenshots = component.findall('screenshots/screenshot')
    results.append(('the metainfo has screenshots',
                    [] if screenshots else ['no <screenshots><screenshot> in the metainfo']))

    defaults = [s for s in screenshots if s.get('type') == 'default']
    results.append(('exactly one screenshot is the default',
                    [] if len(defaults) == 1 else [f'{len(defaults)} marked type="default"']))

    named = set()
    problems = []
    captions = []
    for number, screenshot in enumerate(screenshots, 1):
        images = screenshot.findall('image')
        caption = screenshot.find('caption')
        if caption is None or not (caption.text or '').strip():
            captions.append(f'screenshot {number} has no caption')
        if len(images) != 1:
            problems.append(f'screenshot {number} has {len(images)} images, not one')
        for image in images:
            url = (image.text or '').strip()
            if base is None:
                continue
            if not url.startswith(prefix):
                problems.append(f'“{url}” is not under {prefix}')
                continue
            name = url[len(prefix):]
            named.add(name)
            path = os.path.join(root, SCREENSHOTS, name)
            if not os.path.isfile(path):
                problems.append(f'“{url}” names {os.path.join(SCREENSHOTS, name)}, '
                                'which does not exist')
                continue
            size = png_size(path)
            if size is None:
                problems.append(f'{name} is not a PNG')
            elif not (MIN_WIDTH <= size[0] <= MAX_SIDE and 0 < size[1] <= MAX_SIDE):
                problems.append(f'{name} is {size[0]}×{size[1]}')
    results.append(('every <image> is a PNG in data/screenshots/', problems))
    results.append(('every screenshot has a caption', captions))

    folder = os.path.join(root, SCREENSHOTS)
    present = set(os.listdir(folder)) if os.path.isdir(folder) else set()
    results.append(('data/screenshots/ holds only pictures the metainfo shows',
                    [f'{name} is not in the metainfo' for name in sorted(present - named)]))

    # Each picture comes from the UI test, under its name with “app-” before it.
    with open(os.path.join(root, UI_TEST), encoding='utf-8') as f:
        ui_test = f.read()
    results.append(('the UI test takes every picture', [
        f'{UI_TEST} takes no “app-{os.path.splitext(name)[0]}”' for name in sorted(named)
        if f'"app-{os.path.splitext(name)[0]}"' not in ui_test]))

    return results


def main(argv):
    root = argv[1] if len(argv) > 1 else os.environ.get(
        'LENTO_SOURCE_DIR', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
    results = check(root)

    print(f'1..{len(results)}')
    for number, (name, problems) in enumerate(results, 1):
        print(f'{"not ok" if problems else "ok"} {number} - {name}')
        for problem in problems:
            print(f'# {problem}')
    return 1 if any(problems for _, problems in results) else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
