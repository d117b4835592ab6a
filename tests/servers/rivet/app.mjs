// The actors of the Actorscope Rivet test server.
//
// Copyright 2026 The Actorscope authors
// SPDX-License-Identifier: GPL-3.0-or-later

import { actor, event, setup, UserError } from 'rivetkit';
import { z } from 'zod';

// Actors sleep after this long without connections (the default is 30 s).
export const SLEEPY_TIMEOUT_MS = 2000;

const counter = actor({
  // The creation input may set the starting count.
  createState: (c, input) => ({ count: Number.isInteger(input?.count) ? input.count : 0 }),
  events: { newCount: event() },
  actionInputSchemas: {
    increment: z.union([z.tuple([]), z.tuple([z.number().int()])]),
  },
  actions: {
    increment: (c, amount = 1) => {
      c.state.count += amount;
      c.broadcast('newCount', c.state.count);
      return c.state.count;
    },
    getCount: (c) => c.state.count,
    reset: (c) => {
      c.state.count = 0;
      c.broadcast('newCount', 0);
      return 0;
    },
    fail: (c, why = 'no reason') => {
      throw new UserError(`requested failure: ${why}`, {
        code: 'requested_failure',
        metadata: { why },
      });
    },
    crash: () => {
      throw new Error('the counter crashed on purpose');
    },
  },
});

const chatRoom = actor({
  state: { messages: [] },
  events: { newMessage: event(), stats: event() },
  actions: {
    sendMessage: (c, user, text) => {
      const message = { user, text, at: Date.now() };
      c.state.messages.push(message);
      c.broadcast('newMessage', message);
      c.broadcast('stats', c.state.messages.length, user, text.length);
      return message;
    },
    getHistory: (c) => c.state.messages,
    clear: (c) => {
      c.state.messages = [];
      return null;
    },
  },
});

// Values JSON cannot carry: BigInt, Uint8Array, undefined, Set. Also a
// deeper tree than the others.
const values = actor({
  createState: () => ({
    big: 12345678901234567890n,
    bytes: new Uint8Array([1, 2, 3]),
    nested: { level1: { level2: { label: 'deep', list: [1, [2, 3], { four: 4 }] } } },
    empty: {},
  }),
  actions: {
    getState: (c) => c.state,
    echo: (c, ...args) => args,
    describe: (c, ...args) => args.map((arg) =>
      arg instanceof Uint8Array ? `Uint8Array(${arg.length})` : typeof arg),
    setBig: (c, text) => {
      c.state.big = BigInt(text);
      return c.state.big;
    },
    setBytes: (c, numbers) => {
      c.state.bytes = Uint8Array.from(numbers);
      return c.state.bytes;
    },
    setNested: (c, label) => {
      c.state.nested.level1.level2.label = label;
      return c.state.nested;
    },
    nothing: () => undefined,
    oddities: () => ({ set: new Set([1, 2]), missing: undefined, big: -5n }),
  },
});

const secureCounter = actor({
  state: { count: 0 },
  onBeforeConnect: (c, params) => {
    if (params?.token !== 'let-me-in')
      throw new UserError('bad token', { code: 'forbidden' });
  },
  createConnState: (c, params) => ({ user: params?.user ?? 'anonymous' }),
  actions: {
    whoami: (c) => ({ user: c.conn.state.user, params: c.conn.params }),
    increment: (c, amount = 1) => {
      c.state.count += amount;
      return c.state.count;
    },
  },
});

const sleepy = actor({
  state: { wakes: 0, pings: 0 },
  options: { sleepTimeout: SLEEPY_TIMEOUT_MS },
  onWake: (c) => {
    c.state.wakes++;
  },
  actions: {
    ping: (c) => {
      c.state.pings++;
      return c.state;
    },
  },
});

// Many of these are created to test listing; they do nothing else.
const bulk = actor({
  state: {},
  options: { sleepTimeout: 500 },
  actions: {
    ping: () => 'pong',
  },
});

export const registry = setup({
  use: { counter, chatRoom, values, secureCounter, sleepy, bulk },
  noWelcome: true,
  shutdown: { disableSignalHandlers: true },
});
