#!/usr/bin/env node
// Adds the platform packages that `npm install` leaves out of
// package-lock.json when the registry in use only carries some platforms.
//
// npm ci refuses a lock file that lacks optional dependencies named by the
// packages it holds. Entries added here carry the os/cpu/libc that their
// names spell, so npm ci skips them on every other platform without
// fetching anything. Run it after each `npm install` that rewrites the lock:
//   node complete-lockfile.mjs [PATH/TO/package-lock.json]
// (by default, the lock file beside this script).
//
// Copyright 2026 The Actorscope authors
// SPDX-License-Identifier: GPL-3.0-or-later

import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = process.argv[2] ?? new URL('./package-lock.json', import.meta.url);

const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android'];
const CPU = ['arm64', 'x64', 'ia32', 'arm'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((part) => OS.includes(part));
  const cpu = parts.find((part) => CPU.includes(part));
  if (os === undefined || cpu === undefined)
    return null;

  const platform = { os: [os], cpu: [cpu] };
  if (parts.includes('musl'))
    platform.libc = ['musl'];
  else if (parts.includes('gnu'))
    platform.libc = ['glibc'];
  return platform;
}

const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;
let added = 0;

for (const entry of Object.values({ ...packages })) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const platform = platformOf(name);
    if (key in packages || platform === null)
      continue;
    packages[key] = { version, ...platform, optional: true };
    added++;
  }
}

const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) =>
  a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0));
lock.packages = sorted;
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
process.stderr.write(`complete-lockfile: added ${added} platform entries\n`);
