# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared by the packaging tests: TAP output that build-aux/test counts, and
commands whose output goes to the test log rather than into the TAP stream."""

import os
import shutil
import subprocess
import sys
import tempfile
import time

SOURCE_DIR = os.environ['LENTO_SOURCE_DIR']
BUILD_DIR = os.environ['LENTO_BUILD_DIR']
APPLICATION_ID = os.environ.get('LENTO_APPLICATION_ID', 'io.github.lento.Lento')
PROFILE = os.environ.get('LENTO_PROFILE', 'default')


class Tap:
    """Prints each check as a TAP line and the time each step took as a
    comment, so that the log says where a slow run spent its time."""

    def __init__(self):
        self.count = 0
        self.failed = 0
        self.started = time.monotonic()
        self.step_started = self.started

    def check(self, condition, description, detail=None):
        self.count += 1
        description = description.replace('\n', ' | ')
        if condition:
            print(f'ok {self.count} - {description}', flush=True)
        else:
            self.failed += 1
            print(f'not ok {self.count} - {description}', flush=True)
            if detail:
                log(detail)
        return condition

    def skip(self, description, reason):
        self.count += 1
        print(f'ok {self.count} - {description} # SKIP {reason}', flush=True)

    def timed(self, step):
        now = time.monotonic()
        print(f'# {step}: {now - self.step_started:.1f} s', flush=True)
        self.step_started = now

    def finish(self):
        print(f'# total: {time.monotonic() - self.started:.1f} s', flush=True)
        print(f'1..{self.count}', flush=True)
        sys.exit(1 if self.failed else 0)

    def bail_out(self, reason):
        """Stops the test when a step that every later one needs failed."""
        self.check(False, reason)
        self.finish()


def skip_all(reason):
    """The whole test cannot run here: meson counts it as skipped."""
    print(f'1..0 # SKIP {reason}', flush=True)
    sys.exit(77)


def log(text):
    """Goes to stderr: meson keeps it in the test log, and TAP never sees it."""
    print(text, file=sys.stderr, flush=True)


def run(args, timeout=300, **kwargs):
    """Runs a command with its output captured; logs it when it fails."""
    log('$ ' + ' '.join(str(a) for a in args))
    kwargs.setdefault('text', True)
    try:
        result = subprocess.run([str(a) for a in args], capture_output=True, timeout=timeout,
                                **kwargs)
    except subprocess.TimeoutExpired as e:
        log(f'timed out after {timeout} s')
        return subprocess.CompletedProcess(args, -1, e.stdout or '', e.stderr or '')
    if result.returncode != 0:
        log(result.stdout)
        log(result.stderr)
    return result


def clean_env(**changes):
    """The environment of this test without what meson test set for the build
    under test, which a build made here must not inherit."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(('LENTO_', 'MESON_', 'GSETTINGS_', 'PYTHON'))}
    env.update(changes)
    return env


class Scratch:
    """A throwaway folder, removed at the end unless LENTO_KEEP_SCRATCH is set."""

    def __init__(self, prefix):
        self.path = tempfile.mkdtemp(prefix=prefix)

    def __enter__(self):
        return self.path

    def __exit__(self, *exc):
        if os.environ.get('LENTO_KEEP_SCRATCH'):
            log(f'kept {self.path}')
        else:
            shutil.rmtree(self.path, ignore_errors=True)
        return False


def linguas():
    """The languages po/LINGUAS lists."""
    with open(os.path.join(SOURCE_DIR, 'po', 'LINGUAS'), encoding='utf-8') as f:
        return [word for line in f if not line.lstrip().startswith('#')
                for word in line.split()]
