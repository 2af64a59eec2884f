#!/usr/bin/python3
# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Lento's command line: --verify, --export-backup and --import-backup, each
failure with its own exit status and a clear message, and never a word of
what the journal holds."""

import glob
import os
import shutil
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
    description = description.replace('\n', ' | ')
    print(f'{"ok" if condition else "not ok"} {count} - {description}', flush=True)


def new_home():
    home = tempfile.mkdtemp(prefix='lento-cli-')
    return home, os.path.join(home, APP_ID)


def lento(home, *args, stdin=None, timeout=60):
    env = dict(os.environ, XDG_DATA_HOME=home, LC_ALL='C.UTF-8')
    return subprocess.run([LENTO, *args], input=stdin, capture_output=True, text=True,
                          env=env, timeout=timeout)


def lento_or_none(home, *args, stdin=None):
    """Runs lento where it might wait for ever: None when it did not end within 20 s."""
    try:
        return lento(home, *args, stdin=stdin, timeout=20)
    except subprocess.TimeoutExpired:
        return None


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
check('missing.lento' in result.stderr and home not in result.stderr,
      'and names the file without its folder: ' + result.stderr.strip())

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
create(data_dir3)
made = subprocess.run([HELPER, 'passphrase', data_dir3], input=longest + '\n',
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
create(data_dir4)
made = subprocess.run([HELPER, 'passphrase', data_dir4], input=longest + 'a\n',
                      capture_output=True, text=True, timeout=60)
check(made.returncode != 0, 'a passphrase of 1,025 bytes is not set: ' + made.stderr.strip())

# An import is all or reported. Journal A gains 40 entries over 13 months and
# is backed up; B, C and D are copies of A from before, so the same code and
# keyring item open them, and the backup brings each 13 changed months.
def count_entries(folder):
    counted = subprocess.run([HELPER, 'count', folder], capture_output=True, text=True,
                             timeout=60)
    return int(counted.stdout.strip()) if counted.returncode == 0 else -1


def copy_journal(folder):
    home_copy = tempfile.mkdtemp(prefix='lento-cli-')
    shutil.copytree(folder, os.path.join(home_copy, APP_ID))
    return home_copy, os.path.join(home_copy, APP_ID)


home_a, dir_a = new_home()
code_a = create(dir_a)
home_b, dir_b = copy_journal(dir_a)
home_c, dir_c = copy_journal(dir_a)
home_d, dir_d = copy_journal(dir_a)
added = subprocess.run([HELPER, 'add', dir_a, '40'], capture_output=True, text=True, timeout=60)
assert added.returncode == 0, added.stderr
backup_a = os.path.join(home_a, 'backup.lento')
result = lento(home_a, '--export-backup', backup_a)
assert result.returncode == 0, result.stderr

# A damaged month makes the journal read-only: the import is refused and
# not one file of the journal is written.
month_c = os.path.join(dir_c, 'journal', '2026-11.lento')
with open(month_c, 'r+b') as f:
    f.seek(-5, os.SEEK_END)
    byte = f.read(1)
    f.seek(-5, os.SEEK_END)
    f.write(bytes([byte[0] ^ 0x01]))
before = snapshot(dir_c)
result = lento(home_c, '--import-backup', backup_a, '--recovery-code-stdin', stdin=code_a + '\n')
check(result.returncode == 1,
      f'an import into a read-only journal exits 1 (got {result.returncode})')
check('not imported' in result.stderr and 'journal/2026-11' in result.stderr,
      'and says it was not, and which part is damaged: ' + result.stderr.strip())
check('Imported' not in result.stdout, 'and does not say it imported: ' + result.stdout.strip())
check(snapshot(dir_c) == before, 'no file of the read-only journal was written')

# One part cannot be written (a folder stands where its previous copy goes):
# the import says what was written and what was not, and exits 7; what was
# written is complete, and the same import again finishes the rest.
blocker = os.path.join(dir_b, 'journal', '2026-11.lento.prev')
if os.path.exists(blocker):
    os.remove(blocker)
os.mkdir(blocker)
result = lento(home_b, '--import-backup', backup_a, '--recovery-code-stdin', stdin=code_a + '\n')
check(result.returncode == 7,
      f'an import that could not write a part exits 7 (got {result.returncode})')
check('Imported' not in result.stdout, 'and does not say it imported: ' + result.stdout.strip())
check('journal/2025-01' in result.stderr and 'journal/2025-12' in result.stderr
      and 'journal/2026-11' in result.stderr,
      'and names what was written and what was not: ' + result.stderr.strip())
check(count_entries(dir_b) == 37, f'the 37 entries of the months written are there '
      f'(got {count_entries(dir_b)})')
os.rmdir(blocker)
result = lento(home_b, '--import-backup', backup_a, '--recovery-code-stdin', stdin=code_a + '\n')
check(result.returncode == 0, f'the same import again exits 0 (got {result.returncode}): '
      + result.stderr.strip())
check('Imported: 1 part' in result.stdout, 'and writes the one part left: '
      + result.stdout.strip())
check(count_entries(dir_b) == 40, f'all 40 entries are there (got {count_entries(dir_b)})')
result = lento(home_b, '--verify')
check(result.returncode == 0, f'and the journal verifies (got {result.returncode})')

# A full disk: a small tmpfs of its own, in a mount namespace, filled up.
# Nothing is written, the import exits 7, and after space is made the same
# import brings all 40 entries.
if os.geteuid() == 0:
    namespace = ['unshare', '--mount']
else:
    namespace = ['unshare', '--user', '--map-root-user', '--mount']
probe = subprocess.run(namespace + ['true'], capture_output=True)
if probe.returncode != 0:
    for what in ['an import onto a full disk', 'after making room']:
        count += 1
        print(f'ok {count} - {what} # SKIP no mount namespace here', flush=True)
else:
    out = tempfile.mkdtemp(prefix='lento-cli-full-')
    mount = tempfile.mkdtemp(prefix='lento-cli-tmpfs-')
    script = '''
set -u
mount -t tmpfs -o size=1m lento-full "$MNT" || exit 90
cp -a "$SRC" "$MNT/$APP_ID"
dd if=/dev/zero of="$MNT/filler" bs=4096 2>/dev/null
run() {
  printf '%s\\n' "$CODE" | XDG_DATA_HOME="$MNT" LC_ALL=C.UTF-8 "$LENTO" "$@"
}
run --import-backup "$BACKUP" --recovery-code-stdin > "$OUT/full.out" 2> "$OUT/full.err"
echo $? > "$OUT/full.rc"
run --verify --recovery-code-stdin > /dev/null 2>&1
echo $? > "$OUT/verify.rc"
"$HELPER" count "$MNT/$APP_ID" > "$OUT/full.count" 2>/dev/null
rm "$MNT/filler"
run --import-backup "$BACKUP" --recovery-code-stdin > "$OUT/room.out" 2> "$OUT/room.err"
echo $? > "$OUT/room.rc"
"$HELPER" count "$MNT/$APP_ID" > "$OUT/room.count" 2>/dev/null
'''
    env = dict(os.environ, MNT=mount, SRC=dir_d, APP_ID=APP_ID, CODE=code_a, LENTO=LENTO,
               HELPER=HELPER, BACKUP=backup_a, OUT=out)
    subprocess.run(namespace + ['sh', '-c', script], env=env, timeout=120)

    def read(name):
        try:
            with open(os.path.join(out, name)) as f:
                return f.read().strip()
        except OSError:
            return ''

    check(read('full.rc') == '7' and 'Imported' not in read('full.out')
          and 'not imported' in read('full.err'),
          f'an import onto a full disk exits 7 and says nothing was imported (got '
          f'{read("full.rc")}): ' + read('full.err'))
    check(read('verify.rc') == '0' and read('full.count') == '0',
          f'the journal is as it was and verifies (verify {read("verify.rc")}, '
          f'{read("full.count")} entries)')
    check(read('room.rc') == '0' and read('room.count') == '40',
          f'after making room the same import brings all 40 entries (got {read("room.rc")}, '
          f'{read("room.count")} entries): ' + read('room.err'))
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(mount, ignore_errors=True)
for folder in [home3, home4, home_a, home_b, home_c, home_d]:
    shutil.rmtree(folder, ignore_errors=True)

# A locked keyring, with a prompter that would ask to unlock it: the command
# line never prompts. In a D-Bus session of its own, with a gnome-keyring of
# its own (so that the other tests' keyring stays unlocked), the login
# collection is locked; lento --verify ends at once with exit 5.
home_k = tempfile.mkdtemp(prefix='lento-cli-keyring-')
out_k = tempfile.mkdtemp(prefix='lento-cli-keyring-out-')
script = '''
set -u
eval "$(printf 'lento-test-password' | gnome-keyring-daemon --unlock --components=secrets)"
eval "$(gnome-keyring-daemon --start --components=secrets)"
export GNOME_KEYRING_CONTROL
"$HELPER" create "$DATA" > "$OUT/code" 2> "$OUT/create.err"
gdbus call --session --dest org.freedesktop.secrets \\
  --object-path /org/freedesktop/secrets \\
  --method org.freedesktop.Secret.Service.Lock \\
  "['/org/freedesktop/secrets/collection/login']" > "$OUT/lock" 2>&1
echo $? > "$OUT/lock.rc"
start=$(date +%s)
timeout 30 env XDG_DATA_HOME="$HOME_K" LC_ALL=C.UTF-8 "$LENTO" --verify \\
  > "$OUT/verify.out" 2> "$OUT/verify.err" < /dev/null
echo $? > "$OUT/verify.rc"
echo $(( $(date +%s) - start )) > "$OUT/verify.seconds"
'''
runtime_k = os.path.join(home_k, 'runtime')
os.mkdir(runtime_k, 0o700)
env = dict(os.environ, HOME=home_k, XDG_DATA_HOME=home_k, XDG_RUNTIME_DIR=runtime_k,
           XDG_CONFIG_HOME=home_k, HELPER=HELPER, LENTO=LENTO, HOME_K=home_k,
           DATA=os.path.join(home_k, APP_ID), OUT=out_k)
for name in ['DBUS_SESSION_BUS_ADDRESS', 'GNOME_KEYRING_CONTROL', 'SSH_AUTH_SOCK']:
    env.pop(name, None)
subprocess.run(['dbus-run-session', '--', 'sh', '-c', script], env=env, timeout=120,
               capture_output=True)


def read_k(name):
    try:
        with open(os.path.join(out_k, name)) as f:
            return f.read().strip()
    except OSError:
        return ''


check(read_k('lock.rc') == '0', 'the login collection is locked: ' + read_k('lock'))
check(read_k('verify.rc') == '5',
      f'--verify with the keyring locked exits 5 (got {read_k("verify.rc")}, after '
      f'{read_k("verify.seconds")} s): ' + read_k('verify.err'))
check(read_k('verify.seconds') != '' and int(read_k('verify.seconds')) < 10,
      'without waiting for a prompt')
check('locked' in read_k('verify.err') and '--recovery-code-stdin' in read_k('verify.err'),
      'and says the keyring is locked, and how to unlock without it: ' + read_k('verify.err'))
shutil.rmtree(home_k, ignore_errors=True)
shutil.rmtree(out_k, ignore_errors=True)

# The key file is gone but the journal's files are there: not "no journal",
# but what happened, and that the recovery code cannot help without it.
home_m, dir_m = new_home()
code_m = create(dir_m)
for name in ['keys.lento', 'keys.lento.prev']:
    if os.path.exists(os.path.join(dir_m, name)):
        os.remove(os.path.join(dir_m, name))
for stdin in [None, code_m + '\n']:
    args = ['--verify'] + (['--recovery-code-stdin'] if stdin else [])
    result = lento(home_m, *args, stdin=stdin)
    check(result.returncode == 1,
          f'{" ".join(args)} without keys.lento exits 1 (got {result.returncode})')
    check('keys.lento' in result.stderr and 'recovery code' in result.stderr,
          'and says the key file is missing and the recovery code cannot help: '
          + result.stderr.strip())
shutil.rmtree(home_m, ignore_errors=True)

# A month written by a newer Lento is not called damaged: --verify says why.
home_n, dir_n = new_home()
create(dir_n)
if os.path.exists(os.path.join(dir_n, 'journal', '2026-11.lento.prev')):
    os.remove(os.path.join(dir_n, 'journal', '2026-11.lento.prev'))
with open(os.path.join(dir_n, 'journal', '2026-11.lento'), 'r+b') as f:
    f.seek(8)
    f.write(bytes([2]))
result = lento(home_n, '--verify')
check(result.returncode == 1, f'a month from a newer Lento exits 1 (got {result.returncode})')
check('journal/2026-11: newer version' in result.stdout,
      'and is named as written by a newer version: ' + result.stdout.strip())
shutil.rmtree(home_n, ignore_errors=True)

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

# A named pipe in place of a month, or given as the backup: refused at once, never waited on.
home, data_dir = new_home()
code = create(data_dir)
month = os.path.join(data_dir, 'journal', '2026-11.lento')
os.unlink(month)
os.mkfifo(month)
result = lento_or_none(home, '--verify')
check(result is not None, '--verify does not wait on a named pipe in place of a month')
check(result is not None and result.returncode == 1,
      f'and exits 1 (got {result and result.returncode})')
check(result is not None and 'journal/2026-11:' in result.stdout
      and ': ok' not in result.stdout.split('journal/2026-11')[1].splitlines()[0],
      'and the month is not called ok')
os.unlink(month)
pipe = os.path.join(home, 'pipe.lento')
os.mkfifo(pipe)
result = lento_or_none(home, '--import-backup', pipe, '--recovery-code-stdin', stdin=code + '\n')
check(result is not None, '--import-backup does not wait on a named pipe')
check(result is not None and result.returncode == 7,
      f'and exits 7 (got {result and result.returncode})')
check(result is not None and 'pipe.lento' in result.stderr and home not in result.stderr,
      'and says which file, without its folder: ' + (result.stderr.strip() if result else ''))

# A journal folder that cannot be read is not "ok" (as root, a file in its place).
home, data_dir = new_home()
create(data_dir)
folder = os.path.join(data_dir, 'journal')
if os.geteuid() == 0:
    os.rename(folder, os.path.join(home, 'journal-aside'))
    with open(folder, 'w') as f:
        f.write('not a folder')
else:
    os.chmod(folder, 0)
result = lento(home, '--verify')
check(result.returncode == 1, f'an unreadable journal folder exits 1 (got {result.returncode})')
check('journal: unreadable' in result.stdout,
      'and the folder is named as unreadable: ' + result.stdout.strip())
if os.geteuid() != 0:
    os.chmod(folder, 0o700)

# A damaged keys.lento: reported once as restored (exit 1), then its good copy is back.
def flip(path, from_end):
    with open(path, 'r+b') as f:
        f.seek(-from_end, os.SEEK_END)
        byte = f.read(1)
        f.seek(-from_end, os.SEEK_END)
        f.write(bytes([byte[0] ^ 0x10]))


home, data_dir = new_home()
create(data_dir)
flip(os.path.join(data_dir, 'keys.lento'), 40)
result = lento(home, '--verify')
check(result.returncode == 1, f'a damaged keys.lento exits 1 (got {result.returncode})')
check('keys: restored from previous' in result.stdout,
      'and says it was restored from its copy: ' + result.stdout.strip())
result = lento(home, '--verify')
check(result.returncode == 0 and 'keys: ok' in result.stdout,
      f'the next check finds it repaired (got {result.returncode}): ' + result.stdout.strip())
flip(os.path.join(data_dir, 'keys.lento.prev'), 3)
result = lento(home, '--verify')
check(result.returncode == 1 and 'keys (previous version): damaged' in result.stdout,
      f'a damaged copy has its line and exits 1 (got {result.returncode}): '
      + result.stdout.strip())

# Rollback and deletion outside Lento: named, exit 1, never "ok".
def first_line(result, name):
    lines = [line for line in result.stdout.splitlines() if line.startswith(name + ':')]
    return lines[0] if lines else ''


home, data_dir = new_home()
create(data_dir)
month = os.path.join(data_dir, 'journal', '2026-11.lento')
shutil.copyfile(month + '.prev', month)
result = lento(home, '--verify')
check(result.returncode == 1,
      f"a month's previous version put back exits 1 (got {result.returncode})")
check(first_line(result, 'journal/2026-11') == 'journal/2026-11: rolled back',
      'and the month is named as rolled back: ' + result.stdout.strip())

home, data_dir = new_home()
create(data_dir)
os.unlink(os.path.join(data_dir, 'journal', '2026-11.lento'))
os.unlink(os.path.join(data_dir, 'journal', '2026-11.lento.prev'))
os.unlink(os.path.join(data_dir, 'profile.lento'))
result = lento(home, '--verify')
check(result.returncode == 1, f'a deleted month and profile exit 1 (got {result.returncode})')
check(first_line(result, 'journal/2026-11') == 'journal/2026-11: missing'
      and first_line(result, 'profile') == 'profile: missing',
      'and both are named as missing: ' + result.stdout.strip())

home, data_dir = new_home()
create(data_dir)
shutil.rmtree(os.path.join(data_dir, 'journal'))
result = lento(home, '--verify')
check(result.returncode == 1, f'a deleted journal folder exits 1 (got {result.returncode})')
check(first_line(result, 'journal/2026-11') == 'journal/2026-11: missing'
      and first_line(result, 'journal/log') == 'journal/log: missing',
      'and its month and change log are named as missing: ' + result.stdout.strip())

print(f'1..{count}')
sys.exit(1 if failed else 0)
