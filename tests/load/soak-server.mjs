#!/usr/bin/env node
// Load server for the soak run: the Zocket reference runtime serving many
// `sensor` actors whose state and events change continuously, and a socket
// layer that drops every client connection at a fixed interval.
//
//   node soak-server.mjs [--host 127.0.0.1] [--port 0] [--actors 50]
//                        [--rate 2000] [--reconnect-every 30]
//
// --rate is the number of frames per second one client that watches state
// and events on every actor receives from the server's own changes: each
// change is one state:patch and one event, spread round-robin over the
// actors. Calls made by the client come on top. Every --reconnect-every
// seconds each client socket is dropped, alternately without a closing
// handshake (as a dead peer or a crashed proxy would) and with close code
// 1012 (as a restarting server would).
//
// The `control` actor lets the client stop the changes and the drops
// (`pause`), so it can compare its mirrors with fresh snapshots at rest, and
// read the server's counters (`stats`).
//
// Prints one JSON line to stdout once listening:
//   {"ready":true,"url":"ws://127.0.0.1:PORT/","pid":PID}
//
// Copyright 2026 The Actorscope authors
// SPDX-License-Identifier: GPL-3.0-or-later

import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

import { Runtime, actor } from '../servers/zocket/runtime.mjs';

// ws and zod come from the reference server's own node_modules, so this
// script needs no install of its own.
const require = createRequire(new URL('../servers/zocket/package.json', import.meta.url));
const { WebSocketServer } = require('ws');
const { z } = require('zod');

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const DRIVE_INTERVAL_MS = 10;
// After a stall (a busy machine), catch up by at most this much.
const MAX_CATCH_UP_MS = 200;
const READINGS_KEPT = 12;
const MAP_KEYS = 8;
const UNDEFINED_EVERY = 1000;

function fail(message) {
  process.stderr.write(`soak server: ${message}\n`);
  process.exit(2);
}

function positiveNumber(values, name) {
  const number = Number(values[name]);
  if (!Number.isFinite(number) || number < 0)
    fail(`invalid --${name}: ${values[name]}`);
  return number;
}

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '0' },
        actors: { type: 'string', default: '50' },
        rate: { type: 'string', default: '2000' },
        'reconnect-every': { type: 'string', default: '30' },
      },
    }));
  } catch (error) {
    fail(error.message);
  }
  if (!LOOPBACK.has(values.host))
    fail(`refusing to bind ${values.host}: only loopback addresses are allowed`);
  const port = positiveNumber(values, 'port');
  const actors = positiveNumber(values, 'actors');
  if (!Number.isInteger(port) || port > 65535)
    fail(`invalid --port: ${values.port}`);
  if (!Number.isInteger(actors) || actors < 1 || actors > 10000)
    fail(`invalid --actors: ${values.actors}`);
  return {
    host: values.host,
    port,
    actors,
    rate: positiveNumber(values, 'rate'),
    reconnectMs: positiveNumber(values, 'reconnect-every') * 1000,
  };
}

// One change of a sensor: it rotates through the kinds of patch the runtime
// produces (replace, array add and shifting replaces plus remove, object
// add and remove, a replace without value), keeping the state bounded.
function tick(state) {
  state.seq += 1;
  switch (state.seq % 4) {
    case 0:
      state.readings.push(state.seq);
      if (state.readings.length > READINGS_KEPT)
        state.readings.shift();
      break;
    case 1:
      state.map[`k${state.seq % MAP_KEYS}`] = { at: state.seq, ok: state.seq % 3 !== 0 };
      break;
    case 2:
      delete state.map[`k${(state.seq + 3) % MAP_KEYS}`];
      break;
    default:
      // Now and then a key set to undefined (a replace without value) that
      // a later change sets again (a replace of a key JSON never showed).
      state.maybe = state.seq % UNDEFINED_EVERY === 3 ? undefined : `v${state.seq}`;
      break;
  }
}

function sensor() {
  return actor({
    state: z.object({
      seq: z.number().default(0),
      calls: z.number().default(0),
      sum: z.number().default(0),
      readings: z.array(z.number()).default(() => []),
      map: z.record(z.string(), z.any()).default(() => ({})),
      maybe: z.string().optional(),
    }),
    events: {
      tick: z.object({ seq: z.number() }),
      recorded: z.object({ calls: z.number(), amount: z.number() }),
    },
    methods: {
      tick: {
        handler: ({ state, emit }) => {
          tick(state);
          emit('tick', { seq: state.seq });
        },
      },
      record: {
        input: z.object({ amount: z.number() }),
        handler: ({ state, input, emit }) => {
          state.calls += 1;
          state.sum += input.amount;
          emit('recorded', { calls: state.calls, amount: input.amount });
          return state.calls;
        },
      },
      get: { handler: ({ state }) => state },
      seq: { handler: ({ state }) => state.seq },
      fail: {
        handler: ({ state }) => {
          state.calls += 1000;
          throw new Error('expected failure');
        },
      },
    },
  });
}

function control(load) {
  return actor({
    state: z.object({}),
    methods: {
      pause: {
        handler: () => {
          load.paused = true;
          return load.stats();
        },
      },
      resume: {
        handler: () => {
          load.paused = false;
          load.restartClock();
          return load.stats();
        },
      },
      stats: { handler: () => load.stats() },
    },
  });
}

// Feeds `tick` calls to the runtime through a connection of its own, at
// the rate asked for whatever the timer's jitter.
class Load {
  paused = false;
  ticks = 0;
  drops = 0;
  framesSent = 0;
  #started = Date.now();
  #issued = 0;
  #next = 0;

  constructor(runtime, actors, ticksPerSecond) {
    this.runtime = runtime;
    this.actors = actors;
    this.ticksPerSecond = ticksPerSecond;
    this.driver = runtime.open({ send: () => {} });
  }

  restartClock() {
    this.#started = Date.now();
    this.#issued = 0;
  }

  stats() {
    return { ticks: this.ticks, drops: this.drops, framesSent: this.framesSent,
             paused: this.paused };
  }

  drive() {
    if (this.paused)
      return;
    const elapsed = Date.now() - this.#started;
    let due = Math.floor(elapsed * this.ticksPerSecond / 1000) - this.#issued;
    const cap = Math.ceil(MAX_CATCH_UP_MS * this.ticksPerSecond / 1000);
    if (due > cap) {
      this.#issued += due - cap;
      due = cap;
    }
    for (let i = 0; i < due; i++)
      this.#tickOne();
  }

  #tickOne() {
    const actorId = `s${this.#next}`;
    this.#next = (this.#next + 1) % this.actors;
    this.#issued += 1;
    this.ticks += 1;
    this.runtime.receive(this.driver, JSON.stringify({
      type: 'rpc', id: this.ticks, actor: 'sensor', actorId, method: 'tick',
    }));
  }
}

function dropAll(wss, load) {
  if (load.paused)
    return;
  const abrupt = load.drops % 2 === 0;
  load.drops += 1;
  process.stderr.write(`soak server: dropping ${wss.clients.size} connection(s) ` +
                       `(${abrupt ? 'abrupt' : 'close 1012'})\n`);
  for (const socket of wss.clients) {
    if (abrupt)
      socket.terminate();
    else
      socket.close(1012, 'forced reconnect');
  }
}

function main() {
  const opts = options();
  const app = { sensor: sensor() };
  const runtime = new Runtime(app);
  const load = new Load(runtime, opts.actors, opts.rate / 2);
  app.control = control(load);

  const http = createServer((request, response) => {
    response.writeHead(426, { 'content-type': 'text/plain' });
    response.end('Upgrade Required\n');
  });
  const wss = new WebSocketServer({ server: http, maxPayload: 16 * 1024 * 1024 });

  wss.on('connection', (socket) => {
    const connection = runtime.open({
      send: (text) => {
        if (socket.readyState === socket.OPEN) {
          load.framesSent += 1;
          socket.send(text);
        }
      },
    });
    socket.on('message', (data) => runtime.receive(connection, data.toString('utf8')));
    socket.on('close', () => runtime.close(connection));
    socket.on('error', () => {});
  });

  setInterval(() => load.drive(), DRIVE_INTERVAL_MS);
  if (opts.reconnectMs > 0)
    setInterval(() => dropAll(wss, load), opts.reconnectMs);

  const stop = () => {
    for (const socket of wss.clients)
      socket.terminate();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (process.env.ASC_TEST_SERVER_WATCH_STDIN === '1') {
    process.stdin.on('end', stop);
    process.stdin.on('error', stop);
    process.stdin.resume();
  }

  http.on('error', (error) => fail(error.message));
  http.listen(opts.port, opts.host, () => {
    const address = http.address();
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    process.stdout.write(JSON.stringify({
      ready: true, url: `ws://${host}:${address.port}/`, pid: process.pid,
    }) + '\n');
  });
}

main();
