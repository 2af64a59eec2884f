#!/usr/bin/env python3
# Copyright 2026 The Lento authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Synthesises Lento's cue sounds into data/sounds/. The output is the same
# on every run (no randomness, no clock), so the checked-in files can be
# checked against this program: `make-sounds.py --check` (a test does) exits
# 1 when a checked-in file differs from what it makes.
#
# Each sound is a few soft sine partials (a fundamental and two quiet
# overtones, like a small bowl struck gently) under an envelope with a slow
# attack, so that nothing clicks or startles, and a long exponential fade.
import io
import math
import os
import struct
import sys
import wave

RATE = 16000
PEAK = 0.35  # of full scale: quiet by default, Preferences sets the rest


def chime(freq, start, length, out):
    attack = 0.04
    for i in range(int(length * RATE)):
        t = i / RATE
        env = min(t / attack, 1.0) * math.exp(-t * 4.0 / length)
        # A fundamental and two quiet, slightly faster-fading overtones.
        v = (math.sin(2 * math.pi * freq * t)
             + 0.30 * math.exp(-t * 3.0) * math.sin(2 * math.pi * freq * 2.0 * t)
             + 0.12 * math.exp(-t * 5.0) * math.sin(2 * math.pi * freq * 3.01 * t))
        j = int(start * RATE) + i
        out[j] += env * v / 1.42


CHECK = '--check' in sys.argv[1:]
MISMATCHED = []


def render(name, notes, total):
    samples = [0.0] * int(total * RATE)
    for freq, start, length in notes:
        chime(freq, start, length, samples)
    # A short fade-out so that the file ends on silence whatever the notes do.
    fade = int(0.05 * RATE)
    for k in range(fade):
        samples[-1 - k] *= k / fade
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'sounds', name)
    buffer = io.BytesIO()
    with wave.open(buffer, 'wb') as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b''.join(struct.pack('<h', int(round(max(-1.0, min(1.0, s)) * PEAK * 32767)))
                               for s in samples))
    if CHECK:
        with open(path, 'rb') as f:
            if f.read() != buffer.getvalue():
                MISMATCHED.append(name)
    else:
        with open(path, 'wb') as f:
            f.write(buffer.getvalue())


# A new phase: two notes a fifth apart, rising, like a gentle "next".
render('phase.wav', [(523.25, 0.0, 1.2), (783.99, 0.18, 1.3)], 1.5)
# The end: the same two notes falling, and a lower one to settle.
render('done.wav', [(783.99, 0.0, 1.3), (523.25, 0.22, 1.4), (392.00, 0.45, 1.6)], 2.1)

if MISMATCHED:
    print('Not what build-aux/make-sounds.py makes: ' + ', '.join(MISMATCHED), file=sys.stderr)
    sys.exit(1)
