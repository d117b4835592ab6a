#!/usr/bin/env node
// Reference Zocket server for the Actorscope tests.
//
//   node server.mjs [--host 127.0.0.1] [--port 0] [--state-seed N]
//
// Prints one JSON line to stdout once listening:
//   {"ready":true,"url":"ws://127.0.0.1:PORT/","pid":PID}
// and exits on SIGTERM or SIGINT. Diagnostics go to stderr.
//
// Copyright 2026 The Actorscope authors
// SPDX-License-Identifier: GPL-3.0-or-later

import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

import { WebSocketServer } from 'ws';

import { createApp } from './app.mjs';
import { Runtime } from './runtime.mjs';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function fail(message) {
  process.stderr.write(`zocket server: ${message}\n`);
  process.exit(2);
}

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '0' },
        'state-seed': { type: 'string', default: process.env.ZOCKET_STATE_SEED ?? '0' },
      },
    }));
  } catch (error) {
    fail(error.message);
  }

  const port = Number(values.port);
  const seed = Number(values['state-seed']);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`invalid --port: ${values.port}`);
  if (!Number.isFinite(seed))
    fail(`invalid --state-seed: ${values['state-seed']}`);
  // A test server: never reachable from another machine.
  if (!LOOPBACK.has(values.host))
    fail(`refusing to bind ${values.host}: only loopback addresses are allowed`);
  return { host: values.host, port, seed };
}

function main() {
  const { host, port, seed } = options();
  const runtime = new Runtime(createApp({ seed }));
  const http = createServer((request, response) => {
    response.writeHead(426, { 'content-type': 'text/plain' });
    response.end('Upgrade Required\n');
  });
  // Any path and query are accepted, like the upstream adapter.
  const wss = new WebSocketServer({ server: http, maxPayload: 16 * 1024 * 1024 });

  wss.on('connection', (socket) => {
    const connection = runtime.open({
      send: (text) => {
        if (socket.readyState === socket.OPEN)
          socket.send(text);
      },
    });
    // Binary frames are read as text too.
    socket.on('message', (data) => runtime.receive(connection, data.toString('utf8')));
    socket.on('close', () => runtime.close(connection));
    socket.on('error', () => {});
  });

  let stopping = false;
  const stop = () => {
    if (stopping)
      return;
    stopping = true;
    for (const socket of wss.clients)
      socket.terminate();
    wss.close();
    http.close(() => process.exit(0));
    http.closeAllConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  // Lets a test harness that pipes stdin make the server go away with it,
  // even if the harness itself crashes.
  if (process.env.ASC_TEST_SERVER_WATCH_STDIN === '1') {
    process.stdin.on('end', stop);
    process.stdin.on('error', stop);
    process.stdin.resume();
  }

  http.on('error', (error) => fail(error.message));
  http.listen(port, host, () => {
    const address = http.address();
    const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const ready = { ready: true, url: `ws://${hostPart}:${address.port}/`, pid: process.pid };
    process.stdout.write(JSON.stringify(ready) + '\n');
  });
}

main();
