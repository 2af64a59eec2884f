#!/usr/bin/python3
# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifests say what they mean. No Flatpak runtime can be
downloaded where the tests run, so nothing is built here: each manifest must
read back from `flatpak-builder --show-manifest` exactly as written (a
misspelt key would be dropped with a warning), use the GNOME 43 runtime (GTK
4.8, libadwaita 1.2), build every module from this tree or from an archive
pinned by its sha256, grant exactly the permissions listed below, and run the
suites that need neither a display nor a session bus, which must exist."""

import json
import os
import re
import shutil
import subprocess

from lento_packaging import BUILD_DIR, SOURCE_DIR, Scratch, Tap, clean_env, log, run

BASE_ID = 'io.github.lento.Lento'
MANIFESTS = {
    f'{BASE_ID}.json': (BASE_ID, 'default'),
    f'{BASE_ID}.Devel.json': (f'{BASE_ID}.Devel', 'development'),
}

# Each permission, and why Lento needs it. Files are opened and saved through
# the file chooser portal, notifications go through their portal, the Secret
# portal keeps the keyring key (libsecret uses it inside a sandbox), and the
# session is inhibited through the inhibit portal: none of those needs one.
PERMISSIONS = {
    '--socket=wayland': 'the window',
    '--socket=fallback-x11': 'the window where there is no Wayland',
    '--share=ipc': 'X11 shared memory, without which X11 is slow',
    '--device=dri': 'GTK draws with the GPU',
    '--socket=pulseaudio': 'the cue sounds, which are off unless turned on',
}

# The GNOME runtime whose GTK and libadwaita are the ones Lento is built for.
RUNTIME = ('org.gnome.Platform', 'org.gnome.Sdk', '43')

SHA256 = re.compile(r'^[0-9a-f]{64}$')

tap = Tap()
flatpak_dir = os.path.join(SOURCE_DIR, 'build-aux', 'flatpak')
flatpak_builder = shutil.which('flatpak-builder')

listed = run(['meson', 'test', '-C', BUILD_DIR, '--list', '--no-rebuild'])
suites = {line.split(':', 1)[1].split(' / ')[0]
          for line in listed.stdout.splitlines() if ' / ' in line}


def reject_duplicates(pairs):
    keys = [key for key, _ in pairs]
    duplicates = {key for key in keys if keys.count(key) > 1}
    if duplicates:
        raise ValueError(f'duplicate keys: {", ".join(sorted(duplicates))}')
    return dict(pairs)


def check_sources(name, module):
    for source in module.get('sources', []):
        kind = source.get('type')
        if 'url' in source:
            ok = (kind in ('archive', 'file') and source['url'].startswith('https://')
                  and SHA256.match(source.get('sha256', '')) is not None)
            tap.check(ok, f'{name}: {module["name"]} downloads {source["url"]} pinned by sha256')
        else:
            path = os.path.normpath(os.path.join(flatpak_dir, source.get('path', '')))
            ok = kind in ('dir', 'file', 'patch') and 'path' in source and os.path.exists(path)
            tap.check(ok, f'{name}: {module["name"]} takes {source.get("path")} from this tree '
                      f'({kind})', f'source: {source}')


for name, (app_id, profile) in MANIFESTS.items():
    path = os.path.join(flatpak_dir, name)
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f, object_pairs_hook=reject_duplicates)
    except (OSError, ValueError) as e:
        tap.check(False, f'{name} parses as JSON', str(e))
        continue
    tap.check(True, f'{name} parses as JSON without a repeated key')

    if flatpak_builder:
        # Without the test's G_ENABLE_DIAGNOSTIC, which makes flatpak-builder
        # warn about its own deprecated properties.
        # Its state folder goes to a scratch folder, not into the build.
        with Scratch('lento-flatpak-') as scratch:
            shown = run([flatpak_builder, '--show-manifest', path], cwd=scratch,
                        env=clean_env(G_ENABLE_DIAGNOSTIC='0'))
        try:
            read_back = json.loads(shown.stdout)
        except ValueError:
            read_back = None
        tap.check(shown.returncode == 0 and 'WARNING' not in shown.stderr
                  and read_back == manifest,
                  f'{name}: flatpak-builder --show-manifest reads back every key as written',
                  shown.stderr)
    else:
        tap.skip(f'{name}: flatpak-builder --show-manifest reads it back',
                 'flatpak-builder is not installed (build-aux/deps installs it)')

    tap.check(manifest.get('id') == app_id, f'{name}: the app ID is {app_id}')
    tap.check((manifest.get('runtime'), manifest.get('sdk'), manifest.get('runtime-version'))
              == RUNTIME, f'{name}: runtime {RUNTIME[0]} {RUNTIME[2]} with its SDK')
    tap.check(manifest.get('command') == 'lento', f'{name}: runs lento')

    granted = manifest.get('finish-args', [])
    tap.check(sorted(granted) == sorted(PERMISSIONS) and len(granted) == len(set(granted)),
              f'{name}: grants exactly {", ".join(sorted(PERMISSIONS))}',
              f'granted: {granted}')
    tap.check(not any(arg.startswith(('--filesystem', '--talk-name', '--system-talk-name',
                                      '--socket=session-bus', '--socket=system-bus'))
                      for arg in granted),
              f'{name}: no folder of the person and no bus name outside the portals')

    modules = manifest.get('modules', [])
    tap.check([m.get('name') for m in modules] == ['libsodium', 'lento'],
              f'{name}: builds libsodium, then Lento')
    for module in modules:
        check_sources(name, module)

    sodium = next((m for m in modules if m.get('name') == 'libsodium'), {})
    tap.check(any('libsodium-1.0.18.tar.gz' in s.get('url', '') for s in sodium.get('sources', [])),
              f'{name}: libsodium is 1.0.18, the version Debian 12 ships')

    lento = next((m for m in modules if m.get('name') == 'lento'), {})
    lento_dir = os.path.normpath(os.path.join(flatpak_dir, lento.get('sources', [{}])[0]
                                              .get('path', '.')))
    tap.check(os.path.samefile(lento_dir, SOURCE_DIR),
              f'{name}: Lento is built from this source tree')
    tap.check(lento.get('buildsystem') == 'meson'
              and f'-Dprofile={profile}' in lento.get('config-opts', []),
              f'{name}: Lento is built with meson, profile {profile}')

    commands = lento.get('test-commands', [])
    named = [s for command in commands for s in re.findall(r'--suite[= ](\S+)', command)]
    tap.check(lento.get('run-tests') is True and named and set(named) <= suites,
              f'{name}: run-tests runs suites that exist ({", ".join(named)})',
              f'unknown suites: {sorted(set(named) - suites)}')

# The suites run-tests names must pass without a display or a session bus,
# as in flatpak-builder's build sandbox; the build of this test run stands in
# for the Flatpak's.
sandbox_env = {k: v for k, v in os.environ.items()
               if k not in ('DISPLAY', 'WAYLAND_DISPLAY', 'DBUS_SESSION_BUS_ADDRESS')
               and not k.startswith(('LENTO_', 'MESON_', 'GSETTINGS_', 'PYTHON'))}
with open(os.path.join(flatpak_dir, f'{BASE_ID}.json'), encoding='utf-8') as f:
    lento = json.load(f)['modules'][-1]
for command in lento.get('test-commands', []):
    # A log of its own, so that this run leaves the log of the run around it alone.
    command += ' --no-rebuild --logbase flatpak-run-tests'
    log(f'$ (in {BUILD_DIR}) {command}')
    ran = subprocess.run(command, shell=True, cwd=BUILD_DIR, env=sandbox_env, capture_output=True,
                         text=True, timeout=300)
    if ran.returncode != 0:
        log(ran.stdout)
    tap.check(ran.returncode == 0,
              'the run-tests suites pass without a display or a session bus, as in the sandbox')

tap.finish()
