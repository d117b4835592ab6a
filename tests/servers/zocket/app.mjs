// The actors served by the reference server. Each one exercises a behaviour
// of the Zocket protocol that a client has to cope with; README.md lists them.
//
// Copyright 2026 The Actorscope authors
// SPDX-License-Identifier: GPL-3.0-or-later

import { z } from 'zod';

import { actor } from './runtime.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// seed: the initial counter.count, so a restarted server can be told apart.
function counter(seed) {
  return actor({
    state: z.object({
      count: z.number().default(seed),
      items: z.array(z.any()).default(() => []),
      map: z.record(z.string(), z.any()).default(() => ({})),
      nested: z.object({ a: z.number() }).default(() => ({ a: 1 })),
      maybe: z.any().optional(),
    }),
    events: {
      bumped: z.object({ by: z.number() }),
      tick: z.object({ i: z.number() }),
    },
    methods: {
      increment: {
        handler: ({ state, emit }) => {
          state.count += 1;
          emit('bumped', { by: 1 });
          return state.count;
        },
      },
      add: {
        input: z.object({ amount: z.number() }),
        handler: ({ state, input, emit }) => {
          state.count += input.amount;
          emit('bumped', { by: input.amount });
          return state.count;
        },
      },
      get: {
        handler: ({ state }) => state,
      },
      push: {
        input: z.object({ value: z.any() }),
        handler: ({ state, input }) => state.items.push(input.value),
      },
      unshift: {
        input: z.object({ value: z.any() }),
        handler: ({ state, input }) => state.items.unshift(input.value),
      },
      insertAt: {
        input: z.object({ index: z.number().int().nonnegative(), value: z.any() }),
        handler: ({ state, input }) => {
          state.items.splice(input.index, 0, input.value);
          return state.items.length;
        },
      },
      splice: {
        input: z.object({
          start: z.number().int().nonnegative(),
          deleteCount: z.number().int().nonnegative(),
        }),
        handler: ({ state, input }) => state.items.splice(input.start, input.deleteCount),
      },
      clearItems: {
        handler: ({ state }) => {
          state.items.length = 0;
        },
      },
      setItems: {
        input: z.object({ items: z.array(z.any()) }),
        handler: ({ state, input }) => {
          state.items = input.items;
        },
      },
      setKey: {
        input: z.object({ key: z.string(), value: z.any() }),
        handler: ({ state, input }) => {
          state.map[input.key] = input.value;
        },
      },
      deleteKey: {
        input: z.object({ key: z.string() }),
        handler: ({ state, input }) => {
          delete state.map[input.key];
        },
      },
      setNested: {
        input: z.object({ a: z.number() }),
        handler: ({ state, input }) => {
          state.nested.a = input.a;
        },
      },
      setMaybe: {
        input: z.object({ value: z.any() }),
        handler: ({ state, input }) => {
          state.maybe = input.value;
        },
      },
      unsetMaybe: {
        handler: ({ state }) => {
          state.maybe = undefined;
        },
      },
      fail: {
        input: z.object({ message: z.string() }),
        handler: ({ state, input, emit }) => {
          state.count += 1000;
          state.items.push('never');
          emit('bumped', { by: 1000 });
          throw new Error(input.message);
        },
      },
      failEmpty: {
        handler: () => {
          throw new Error('');
        },
      },
      failOdd: {
        handler: () => {
          // Deliberately not an Error: the wire shows "Unknown error".
          throw 'odd';
        },
      },
      nothing: {
        handler: () => undefined,
      },
      getNull: {
        handler: () => null,
      },
      getOdd: {
        handler: () => ({ date: new Date(0), nan: NaN, inf: Infinity, gone: undefined }),
      },
      big: {
        input: z.object({
          size: z.number().int().nonnegative(),
          width: z.number().int().positive().default(32),
        }),
        handler: ({ state, input }) => {
          state.items = Array.from({ length: input.size },
            (_, i) => String(i).padStart(input.width, '0'));
          return input.size;
        },
      },
      emitMany: {
        input: z.object({ n: z.number().int().nonnegative() }),
        handler: ({ input, emit }) => {
          for (let i = 0; i < input.n; i++)
            emit('tick', { i });
          return input.n;
        },
      },
    },
  });
}

const presence = actor({
  state: z.object({
    online: z.array(z.string()).default(() => []),
    activated: z.boolean().default(false),
  }),
  // Asynchronous on purpose: its change is committed after the first
  // snapshot and is never broadcast.
  onActivate: async ({ state }) => {
    await sleep(0);
    state.activated = true;
  },
  onConnect: ({ state, clientId }) => {
    state.online.push(clientId);
  },
  onDisconnect: ({ state, clientId }) => {
    const index = state.online.indexOf(clientId);
    if (index >= 0)
      state.online.splice(index, 1);
  },
  methods: {
    who: {
      handler: ({ state }) => state.online,
    },
  },
});

const slow = actor({
  state: z.object({ done: z.number().default(0) }),
  methods: {
    wait: {
      input: z.object({ ms: z.number().nonnegative(), value: z.any() }),
      handler: async ({ state, input }) => {
        await sleep(input.ms);
        state.done += 1;
        return input.value;
      },
    },
    ping: {
      handler: () => 'pong',
    },
  },
});

const guarded = actor({
  state: z.object({ opened: z.number().default(0) }),
  // Applies to every method; what it returns is merged into ctx.
  middleware: [() => ({ role: 'guest' })],
  methods: {
    secret: {
      input: z.object({ n: z.number() }),
      middleware: [
        () => {
          throw new Error('Forbidden');
        },
      ],
      handler: ({ input }) => input.n,
    },
    open: {
      handler: ({ state, ctx }) => {
        state.opened += 1;
        return { role: ctx.role };
      },
    },
  },
});

const chat = actor({
  state: z.object({ sent: z.number().default(0) }),
  events: {
    message: z.object({ text: z.string(), from: z.string().default('anonymous') }),
  },
  methods: {
    send: {
      input: z.object({ text: z.string() }),
      handler: ({ state, input, emit, clientId }) => {
        state.sent += 1;
        emit('message', { text: input.text, from: clientId });
        return state.sent;
      },
    },
    // The schema's output is sent: "from" gets its default.
    sendAnonymous: {
      input: z.object({ text: z.string() }),
      handler: ({ input, emit }) => {
        emit('message', { text: input.text });
      },
    },
    sendInvalid: {
      handler: ({ emit }) => {
        emit('message', { text: 42, from: 'nobody' });
      },
    },
    sendUndeclared: {
      handler: ({ emit }) => {
        emit('whisper', { text: 'hidden' });
      },
    },
  },
});

export function createApp({ seed = 0 } = {}) {
  return {
    counter: counter(seed),
    presence,
    slow,
    guarded,
    chat,
  };
}
