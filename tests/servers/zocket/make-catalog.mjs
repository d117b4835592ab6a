// Prints an Actorscope catalog of app.mjs, made from its zod schemas:
//   node make-catalog.mjs > catalog.json
//
// Copyright 2026 The Actorscope authors
// SPDX-License-Identifier: GPL-3.0-or-later

import { z } from 'zod';

import { createApp } from './app.mjs';

// "input": what a caller may send (defaults make members optional).
const schema = (type, io) => z.toJSONSchema(type, { io, unrepresentable: 'any' });
const map = (object, f) => Object.fromEntries(Object.entries(object).map(([k, v]) => [k, f(v)]));

const actors = map(createApp(), (actor) => ({
  state: schema(actor.state, 'output'),
  methods: map(actor.methods, (m) => (m.input ? { input: schema(m.input, 'input') } : {})),
  events: map(actor.events, (payload) => ({ payload: schema(payload, 'output') })),
}));

console.log(JSON.stringify({ catalog: 1, actors }, null, 2));
