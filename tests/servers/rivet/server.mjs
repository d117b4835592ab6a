#!/usr/bin/env node
// RivetKit test server for the Actorscope tests.
//
//   node server.mjs [--host 127.0.0.1] [--port 0] [--storage DIR]
//
// Runs the registry of app.mjs (in a child process, registry.mjs) with its
// own Rivet Engine on 127.0.0.1:6420, storage in a fresh temporary folder,
// telemetry and services off. The engine's ports are fixed, so --port is
// ignored and only one server can run at a time. Once the registry has
// registered and the engine answers /health, prints one JSON line to stdout:
//   {"ready":true,"url":"http://127.0.0.1:6420","pid":PID,"enginePid":PID}
// SIGTERM, SIGINT, the registry's exit or (with ASC_TEST_SERVER_WATCH_STDIN=1)
// the end of stdin stops the registry and the engine, deletes the storage
// and exits. With --storage, the storage lives in DIR and is kept, so a
// second server started on it finds the same actors (a restart). Everything
// else goes to stderr.
//
// Copyright 2026 The Actorscope authors
// SPDX-License-Identifier: GPL-3.0-or-later

import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const HOST = '127.0.0.1';
// The engine's guard (the public API), api-peer and metrics ports.
const ENGINE_PORTS = [6420, 6421, 6430];
const URL_BASE = `http://${HOST}:${ENGINE_PORTS[0]}`;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const READY_TIMEOUT_MS = 60000;
// The test harness sends SIGKILL 5 s after SIGTERM: stay well within.
const EXIT_TIMEOUT_MS = 3000;

let storage = null;
let keepStorage = false;
let registry = null;
let enginePid = null;
let stopping = false;

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function log(message) {
  process.stderr.write(`rivet server: ${message}\n`);
}

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: 'string', default: HOST },
        port: { type: 'string', default: '0' },
        storage: { type: 'string' },
      },
    }));
  } catch (error) {
    log(error.message);
    process.exit(2);
  }
  if (!LOOPBACK.has(values.host)) {
    log(`refusing --host ${values.host}: only loopback addresses are allowed`);
    process.exit(2);
  }
  return values;
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error) => resolve(error.code));
    probe.listen(port, HOST, () => probe.close(() => resolve(null)));
  });
}

// An engine stopped a moment ago may still be letting go of its ports:
// wait a little before giving up.
const PORT_WAIT_MS = 15000;

async function checkPortsFree() {
  const deadline = Date.now() + PORT_WAIT_MS;

  for (const port of ENGINE_PORTS) {
    let code = await portIsFree(port);
    while (code !== null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      code = await portIsFree(port);
    }
    if (code === null)
      continue;
    log(`port ${port} on ${HOST} is not free (${code}): another Rivet engine is ` +
        'probably running, and only one can run at a time; stop it first');
    process.exit(2);
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function terminate(pid) {
  if (pid === null || !isAlive(pid))
    return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + EXIT_TIMEOUT_MS;
  while (isAlive(pid) && Date.now() < deadline)
    await delay(20);
  if (isAlive(pid))
    process.kill(pid, 'SIGKILL');
}

// The engine writes its PID here; it outlives the registry otherwise.
function readEnginePid() {
  const path = join(storage, '.rivetkit', 'var', 'engine', 'runtime.json');
  try {
    const pid = JSON.parse(readFileSync(path, 'utf8')).pid;
    return Number.isInteger(pid) && pid > 1 ? pid : null;
  } catch {
    return null;
  }
}

async function engineIsHealthy() {
  try {
    const response = await fetch(`${URL_BASE}/health`);
    return response.ok && (await response.json()).status === 'ok';
  } catch {
    return false;
  }
}

// Synchronous, for abrupt exits: no waiting for anything.
function cleanUpNow() {
  for (const pid of [registry?.pid, enginePid])
    if (pid != null && isAlive(pid))
      process.kill(pid, 'SIGKILL');
  if (storage !== null && !keepStorage)
    rmSync(storage, { recursive: true, force: true });
  storage = null;
}

async function stop(reason, status = 0) {
  if (stopping)
    return;
  stopping = true;
  log(`stopping: ${reason}`);
  enginePid ??= storage !== null ? readEnginePid() : null;
  // The engine first: with its envoy gone, it waits seconds to shut down.
  await terminate(enginePid);
  await terminate(registry?.pid ?? null);
  cleanUpNow();
  process.exit(status);
}

function watchForStop() {
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('exit', cleanUpNow);
  if (process.env.ASC_TEST_SERVER_WATCH_STDIN === '1') {
    process.stdin.on('end', () => stop('stdin closed'));
    process.stdin.resume();
  }
}

// Resolves once the registry reports that it registered with the engine.
function startRegistry() {
  return new Promise((resolve) => {
    registry = fork(new URL('./registry.mjs', import.meta.url), [], {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
      env: {
        ...process.env,
        RIVETKIT_STORAGE_PATH: storage,
        RIVET_RUN_SERVICES: '0',
        RIVET__TELEMETRY__ENABLED: 'false',
        RIVET_RUN_ENGINE_HOST: HOST,
        // The engine stops taking on work (such as creating actors) when the
        // machine's CPU is busy, which a test machine often is. Measured
        // against a thousand cores, it never is.
        RIVET__RUNTIME__WORKER_CPU_MAX: '1000000',
      },
    });
    registry.stdout.pipe(process.stderr);
    registry.on('message', (message) => message?.ready === true && resolve());
    registry.on('exit', (code, signal) =>
      stop(`the registry exited (${signal ?? `status ${code}`})`, 1));
  });
}

async function waitForEngine() {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    enginePid ??= readEnginePid();
    if (enginePid !== null && await engineIsHealthy())
      return;
    await delay(50);
  }
  await stop(`the engine was not healthy within ${READY_TIMEOUT_MS / 1000} s`, 1);
}

async function main() {
  const values = options();
  await checkPortsFree();
  keepStorage = values.storage !== undefined;
  storage = keepStorage ? values.storage : mkdtempSync(join(tmpdir(), 'actorscope-rivet-'));
  mkdirSync(storage, { recursive: true });
  watchForStop();

  const timeout = setTimeout(() => stop('the registry did not start within ' +
                                        `${READY_TIMEOUT_MS / 1000} s`, 1), READY_TIMEOUT_MS);
  await startRegistry();
  clearTimeout(timeout);
  await waitForEngine();

  process.stdout.write(`${JSON.stringify({
    ready: true, url: URL_BASE, pid: process.pid, enginePid,
  })}\n`);
}

main().catch((error) => stop(`failed to start: ${error?.stack ?? error}`, 1));
