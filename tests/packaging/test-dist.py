#!/usr/bin/python3
# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The release tarball is complete: what a distribution packager starts from.

`meson dist` archives the commit at HEAD (never what is not committed yet).
The tarball must hold every file git tracks and nothing else. Unpacked, it
configures and builds Lento with all it installs, as a packager builds it
(--buildtype=plain), and the suites that need no window build and pass from
it: data, vault, journal, program, inventory, coach, guide, session, practice
and cli. They read the test vectors, the plan variants and the guide from the
unpacked tree, so a file the tests need that never reached git fails here.
The ui, e2e and crash suites take most of the nine minutes of the full run,
so they are left to the main run; what they read from the tree (the cue
sounds and the script that makes them) is tracked, so the comparison with
git ls-files covers it."""

import json
import os
import shutil
import subprocess
import tarfile

from lento_packaging import (BUILD_DIR, SOURCE_DIR, Scratch, Tap, clean_env, log, run,
                             skip_all)

SUITES = ['data', 'vault', 'journal', 'program', 'inventory', 'coach', 'guide', 'session',
          'practice', 'cli']


def build_targets(build):
    """The files ninja makes for the installed targets and for the tests of SUITES."""
    def introspect(what):
        result = run(['meson', 'introspect', build, what], env=clean_env())
        return json.loads(result.stdout) if result.returncode == 0 else []

    targets = introspect('--targets')
    wanted = {t['id'] for t in targets if t['installed']}
    for test in introspect('--tests'):
        if {suite.split(':')[-1] for suite in test['suite']} & set(SUITES):
            wanted.update(test['depends'])
    return sorted(os.path.relpath(path, build)
                  for t in targets if t['id'] in wanted for path in t['filename'])


def git(*args):
    return subprocess.run(['git', '-C', SOURCE_DIR, *args], capture_output=True, text=True)


if git('rev-parse', '--is-inside-work-tree').stdout.strip() != 'true':
    skip_all('meson dist needs a git clone; this source tree is not one')
if not os.environ.get('DISPLAY') or not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
    skip_all('the suites run from the tarball need build-aux/test-session')

tap = Tap()

if git('status', '--porcelain', '--untracked-files=no').stdout.strip():
    print('# the work tree has changes that are not committed: '
          'the tarball holds HEAD without them', flush=True)

# A tarball left by an earlier run, perhaps of another version, would be a second one.
dist_dir = os.path.join(BUILD_DIR, 'meson-dist')
shutil.rmtree(dist_dir, ignore_errors=True)
made = run(['meson', 'dist', '-C', BUILD_DIR, '--no-tests', '--allow-dirty'], env=clean_env())
tarballs = []
if made.returncode == 0:
    tarballs = [name for name in os.listdir(dist_dir) if name.endswith('.tar.xz')]
if not tap.check(len(tarballs) == 1, f'meson dist makes one tarball ({", ".join(tarballs)})'):
    tap.finish()
tarball = os.path.join(dist_dir, tarballs[0])
top = tarballs[0][:-len('.tar.xz')]
tap.timed('meson dist')

with open(tarball + '.sha256sum', encoding='utf-8') as f:
    published = f.read().split()[0]
checked = run(['sha256sum', tarball])
tap.check(checked.returncode == 0 and checked.stdout.split()[0] == published,
          'the tarball matches the sha256sum file beside it')

with tarfile.open(tarball) as archive:
    members = archive.getmembers()
in_tarball = {m.name[len(top) + 1:] for m in members
              if m.name.startswith(top + '/') and not m.isdir()}
tracked = set(git('ls-files').stdout.splitlines())
# A file git does not archive (export-ignore) is left out on purpose.
ignored = {line.split(': ')[0] for line in
           git('check-attr', 'export-ignore', '--', *sorted(tracked)).stdout.splitlines()
           if line.endswith(': set')}
missing = sorted(tracked - ignored - in_tarball)
extra = sorted(in_tarball - tracked)
tap.check(not missing, f'the tarball holds every file git tracks ({len(tracked - ignored)})',
          'missing (commit them, or they are staged but not committed): ' + ', '.join(missing))
tap.check(not extra, 'the tarball holds nothing git does not track', ', '.join(extra))

with Scratch('lento-dist-') as scratch:
    with tarfile.open(tarball) as archive:
        archive.extractall(scratch)
    source = os.path.join(scratch, top)
    build = os.path.join(scratch, 'build')

    configured = run(['meson', 'setup', build, source, '--buildtype=plain'], env=clean_env())
    if not tap.check(configured.returncode == 0, 'the unpacked tarball configures'):
        tap.finish()
    tap.timed('configure')

    # What gets installed and what the suites run; the rest (the ui, crash
    # and bench programs) is built from the same tracked files by every
    # build of a clone, which holds exactly what the tarball holds.
    targets = build_targets(build)
    built = run(['ninja', '-C', build, *targets], env=clean_env(), timeout=900)
    if not tap.check(built.returncode == 0 and targets,
                     f'the unpacked tarball builds Lento, what is installed and the programs of '
                     f'those suites ({len(targets)} targets)'):
        tap.finish()
    tap.timed('build')

    suite_args = [arg for suite in SUITES for arg in ('--suite', suite)]
    tested = run(['meson', 'test', '-C', build, '--no-rebuild', '--print-errorlogs',
                  '--num-processes', '2', *suite_args], env=clean_env(), timeout=900)
    log(tested.stdout)
    results = []
    testlog = os.path.join(build, 'meson-logs', 'testlog.json')
    if os.path.exists(testlog):
        with open(testlog, encoding='utf-8') as f:
            results = [json.loads(line) for line in f if line.strip()]
    for result in results:
        cases = sum(1 for line in (result.get('stdout') or '').splitlines()
                    if line.startswith('ok '))
        detail = f' ({cases} cases)' if cases else ''
        tap.check(result['result'] in ('OK', 'SKIP'),
                  f'from the tarball: {result["name"]} passes{detail}')
    tap.check(tested.returncode == 0 and results,
              f'from the tarball, the {", ".join(SUITES)} suites pass')
    tap.timed('suites')

tap.finish()
