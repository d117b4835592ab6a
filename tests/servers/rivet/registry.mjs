// Runs the registry of app.mjs; started by server.mjs, never directly.
//
// RivetKit's native core logs to stdout, so server.mjs pipes this process's
// stdout to its own stderr and learns of readiness through the IPC channel.
//
// Copyright 2026 The Actorscope authors
// SPDX-License-Identifier: GPL-3.0-or-later

import { registry } from './app.mjs';

if (process.send === undefined) {
  process.stderr.write('registry.mjs: run server.mjs instead\n');
  process.exit(2);
}

// Without server.mjs there is nobody to stop the engine: leave too.
process.on('disconnect', () => process.exit(0));

try {
  await registry.startAndWait();
  process.send({ ready: true });
} catch (error) {
  process.stderr.write(`registry.mjs: ${error?.stack ?? error}\n`);
  process.exit(1);
}
