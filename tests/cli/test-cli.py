#!/usr/bin/python3
# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Lento's command line: --verify, --export-backup and --import-backup, each
failure with its own exit status and a clear message, and never a word of
what the journal holds."""

import glob
import os
import subprocess
import sys
import tempfile

BUILD = os.environ['LENTO_BUILD_DIR']
LENTO = os.path.join(BUILD, 'src', 'lento')
HELPER = os.path.join(BUILD, 'tests', 'cli', 'cli-journal')
APP_ID = os.environ.get('LENTO_APPLICATION_ID', 'io.github.lento.Lento')

count = 0
failed = 0


def check(condition, description):
    global count, failed
    count += 1
    if not condition:
        failed += 1
    print(f'{"ok" if condition else "not ok"} {count} - {description}', flush=True)


def new_home():
    home = tempfile.mkdtemp(prefix='lento-cli-')
    return home, os.path.join(home, APP_ID)


def lento(home, *args, stdin=None):
    env = dict(os.environ, XDG_DATA_HOME=home, LC_ALL='C.UTF-8')
    return subprocess.run([LENTO, *args], input=stdin, capture_output=True, text=True,
                          env=env, timeout=60)


def create(data_dir):
    made = subprocess.run([HELPER, 'create', data_dir], capture_output=True, text=True,
                          timeout=60)
    assert made.returncode == 0, made.stderr
    return made.stdout.strip()


# No journal yet.
home, data_dir = new_home()
result = lento(home, '--verify')
check(result.returncode == 3, f'--verify without a journal exits 3 (got {result.returncode})')
check('no journal' in result.stderr.lower(), 'and says there is no journal yet')

# Wrong combinations of options.
result = lento(home, '--verify', '--export-backup', '/tmp/x')
check(result.returncode == 2, f'two tasks at once exit 2 (got {result.returncode})')
result = lento(home, '--recovery-code-stdin', stdin='x\n')
check(result.returncode == 2, f'a secret without a task exits 2 (got {result.returncode})')

# A journal that opens with the keyring.
code = create(data_dir)
result = lento(home, '--verify')
check(result.returncode == 0, f'--verify with the keyring exits 0 (got {result.returncode}): '
      + result.stderr.strip())
check('journal/2026-11: ok' in result.stdout, 'each part of the journal is listed as ok')
check('entries' not in result.stdout and 'format' not in result.stdout,
      'no content of the journal is printed')

result = lento(home, '--verify', '--recovery-code-stdin', stdin=code.lower() + '\n')
check(result.returncode == 0, f'the recovery code from stdin opens it (got {result.returncode})')
wrong = 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA'
result = lento(home, '--verify', '--recovery-code-stdin', stdin=wrong + '\n')
check(result.returncode == 6, f'a wrong recovery code exits 6 (got {result.returncode})')
check(result.stderr.strip() != '', 'and says why')
check(code not in result.stderr + result.stdout, 'no code is echoed back')

# Export, then import into the same journal: nothing changes, nothing lost.
backup = os.path.join(home, 'backup.lento')
result = lento(home, '--export-backup', backup)
check(result.returncode == 0 and os.path.getsize(backup) > 0,
      f'--export-backup writes a file (got {result.returncode}): ' + result.stderr.strip())
with open(backup, 'rb') as f:
    check(b'2026-11' not in f.read()[64:], 'the backup holds no readable text')
result = lento(home, '--import-backup', backup, '--recovery-code-stdin', stdin=code + '\n')
check(result.returncode == 0, f'--import-backup with the code exits 0 (got {result.returncode}): '
      + result.stderr.strip())
result = lento(home, '--import-backup', backup)
check(result.returncode == 2, f'an import without its secret exits 2 (got {result.returncode})')
result = lento(home, '--import-backup', os.path.join(home, 'missing.lento'),
               '--recovery-code-stdin', stdin=code + '\n')
check(result.returncode == 7, f'a backup that is not there exits 7 (got {result.returncode})')

# A backup never goes into Lento's own folder, where it would write over the
# journal: not over a month, not beside it, not through a link that leads
# there. Nothing in the folder changes.
def snapshot(folder):
    files = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            if name != 'lock':
                with open(path, 'rb') as f:
                    files[path] = f.read()
    return files


before = snapshot(data_dir)
os.symlink(data_dir, os.path.join(home, 'link-to-data'))
os.symlink(os.path.join(data_dir, 'keys.lento'), os.path.join(home, 'link-to-keys.lento'))
for target in [os.path.join(data_dir, 'journal', '2026-11.lento'),
               os.path.join(data_dir, 'journal', 'log.lento'),
               os.path.join(data_dir, 'backup.lento'),
               os.path.join(data_dir, 'journal', '..', 'keys.lento'),
               os.path.join(home, 'link-to-data', 'journal', '2026-11.lento'),
               os.path.join(home, 'link-to-keys.lento')]:
    result = lento(home, '--export-backup', target)
    shown = os.path.relpath(target, home)
    check(result.returncode == 2,
          f'--export-backup into the data folder ({shown}) exits 2 (got {result.returncode})')
    check("lento's own folder" in result.stderr.lower(), f'and says why ({shown}): '
          + result.stderr.strip())
check(snapshot(data_dir) == before, 'nothing in the data folder changed')
check(not os.path.exists(os.path.join(data_dir, 'backup.lento')), 'no backup was left there')

# Another process has the journal open.
holder = subprocess.Popen([HELPER, 'hold', data_dir], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True)
holder.stdout.readline()
result = lento(home, '--verify')
check(result.returncode == 4, f'a journal open elsewhere exits 4 (got {result.returncode})')
check('already' in result.stderr.lower() or 'open' in result.stderr.lower(),
      'and says it is already open')
holder.stdin.close()
holder.wait(timeout=30)

# A damaged month: reported, never printed, exit 1.
month = os.path.join(data_dir, 'journal', '2026-11.lento')
with open(month, 'r+b') as f:
    f.seek(-5, os.SEEK_END)
    byte = f.read(1)
    f.seek(-5, os.SEEK_END)
    f.write(bytes([byte[0] ^ 0x01]))
result = lento(home, '--verify')
check(result.returncode == 1, f'a damaged month exits 1 (got {result.returncode})')
check('journal/2026-11:' in result.stdout and ': ok' not in result.stdout.split('journal/2026-11')[1]
      .splitlines()[0], 'the damaged month is named and not called ok')

# One longest passphrase everywhere: 1,024 bytes, set as Lento sets it, open
# the journal from the command line; a longer one read from standard input
# is refused as too long, never cut short, and a longer one is never set.
home3, data_dir3 = new_home()
longest = 'a' * 1024
made = subprocess.run([HELPER, 'create', data_dir3, 'passphrase'], input=longest + '\n',
                      capture_output=True, text=True, timeout=60)
check(made.returncode == 0, 'a passphrase of 1,024 bytes is set: ' + made.stderr.strip())
result = lento(home3, '--verify', '--passphrase-stdin', stdin=longest + '\n')
check(result.returncode == 0,
      f'it opens the journal from standard input (got {result.returncode}): '
      + result.stderr.strip())
result = lento(home3, '--verify', '--passphrase-stdin', stdin=longest + 'a\n')
check(result.returncode == 2,
      f'one byte more is refused, not cut short (got {result.returncode})')
check('1024' in result.stderr.replace(',', '') and 'long' in result.stderr,
      'and says it is too long: ' + result.stderr.strip())
home4, data_dir4 = new_home()
made = subprocess.run([HELPER, 'create', data_dir4, 'passphrase'], input=longest + 'a\n',
                      capture_output=True, text=True, timeout=60)
check(made.returncode != 0, 'a passphrase of 1,025 bytes is not set')

# The keyring lost the key and no secret was given.
subprocess.run(['secret-tool', 'clear', 'xdg:schema', APP_ID], check=False)
home2, data_dir2 = new_home()
create(data_dir2)
search = subprocess.run(['secret-tool', 'search', '--all', 'xdg:schema', APP_ID],
                        capture_output=True, text=True)
for line in (search.stdout + search.stderr).splitlines():
    if line.startswith('attribute.journal = '):
        subprocess.run(['secret-tool', 'clear', 'journal', line.split(' = ', 1)[1]], check=True)
result = lento(home2, '--verify')
check(result.returncode == 5, f'no key in the keyring and no secret exits 5 (got {result.returncode})')
check('--recovery-code-stdin' in result.stderr, 'and says how to unlock without the keyring')
check(os.path.exists(os.path.join(data_dir2, 'keys.lento')) and
      len(glob.glob(os.path.join(data_dir2, 'keys.lento*'))) >= 1,
      'the key file is still there')

print(f'1..{count}')
sys.exit(1 if failed else 0)
