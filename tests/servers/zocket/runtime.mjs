// A Zocket-compatible actor runtime: instances, per-instance queues, Immer
// drafts and the wire messages. Transport-neutral: the caller feeds it
// connections (anything with send(string)) and raw frames.
//
// Copyright 2026 The Actorscope authors
// SPDX-License-Identifier: GPL-3.0-or-later

import { createDraft, enablePatches, finishDraft, isDraft, current } from 'immer';

enablePatches();

const hasOwn = (object, key) =>
  object !== null && typeof object === 'object' && Object.hasOwn(object, key);

const isThenable = (value) =>
  value !== null &&
  (typeof value === 'object' || typeof value === 'function') &&
  typeof value.then === 'function';

// next(value), after value settles if it is a promise; synchronous otherwise.
function andThen(value, next) {
  return isThenable(value) ? value.then(next) : next(value);
}

function errorText(error) {
  return error instanceof Error ? error.message : 'Unknown error';
}

// Paths are joined as they are, without RFC 6901 escaping (as the real
// server does).
function wirePatch(patch) {
  const out = { op: patch.op, path: '/' + patch.path.join('/') };
  if ('value' in patch)
    out.value = patch.value;
  return out;
}

// Deep copy through JSON: Dates become strings, NaN becomes null, drafts
// become plain data while they are still alive.
function jsonCopy(value) {
  if (value === undefined)
    return undefined;
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
}

/**
 * Declares an actor type.
 *
 * spec.state      a zod schema; its parse of {} (or undefined) is the initial state
 * spec.events     { name: zodSchema }; anything else emitted is dropped
 * spec.methods    { name: { input?: zodSchema, middleware?: [fn], handler: fn } }
 * spec.middleware [fn] applied to every method before its own middleware
 * spec.onActivate, spec.onConnect, spec.onDisconnect: hooks
 */
export function actor(spec) {
  return {
    state: spec.state,
    events: spec.events ?? {},
    methods: spec.methods ?? {},
    middleware: spec.middleware ?? [],
    onActivate: spec.onActivate,
    onConnect: spec.onConnect,
    onDisconnect: spec.onDisconnect,
  };
}

function initialState(schema) {
  if (schema === undefined)
    return {};
  for (const candidate of [{}, undefined]) {
    const parsed = schema.safeParse(candidate);
    if (parsed.success)
      return parsed.data;
  }
  return {};
}

// One FIFO per instance. A job starts synchronously when the queue is idle,
// so a synchronous hook completes before the caller's next statement.
class Queue {
  #jobs = [];
  #running = false;

  push(job) {
    return new Promise((resolve, reject) => {
      this.#jobs.push({ job, resolve, reject });
      if (!this.#running)
        this.#drain();
    });
  }

  #drain() {
    while (this.#jobs.length > 0) {
      const { job, resolve, reject } = this.#jobs.shift();
      let value;

      this.#running = true;
      try {
        value = job();
      } catch (error) {
        this.#running = false;
        reject(error);
        continue;
      }
      if (isThenable(value)) {
        const finish = () => {
          this.#running = false;
          this.#drain();
        };
        value.then(resolve, reject).then(finish, finish);
        return;
      }
      this.#running = false;
      resolve(value);
    }
  }
}

class Instance {
  constructor(type, typeName, actorId) {
    this.type = type;
    this.typeName = typeName;
    this.actorId = actorId;
    this.state = initialState(type.state);
    this.queue = new Queue();
    this.clients = new Set();          // connections that touched this instance
    this.stateSubscribers = new Set();
    this.eventSubscribers = new Set();
  }

  address() {
    return { actor: this.typeName, actorId: this.actorId };
  }

  // Runs fn against a draft of the state. On success the draft is committed;
  // with broadcast, its patches go to every state subscriber and then its
  // events to the event subscribers. On a throw, both are discarded.
  transact(fn, broadcast) {
    const draft = createDraft(this.state);
    const events = [];
    // Validated when emitted, while any drafts in the payload are alive.
    const emit = (event, payload) => {
      const schema = hasOwn(this.type.events, event) ? this.type.events[event] : undefined;
      if (schema === undefined)
        return;
      const parsed = schema.safeParse(isDraft(payload) ? current(payload) : payload);
      if (parsed.success)
        events.push({ event, payload: jsonCopy(parsed.data) });
    };

    return andThen(fn(draft, emit), (result) => {
      const value = jsonCopy(result);
      let patches = [];

      this.state = finishDraft(draft, (forward) => {
        patches = forward;
      });
      if (broadcast) {
        this.#broadcastPatches(patches);
        this.#broadcastEvents(events);
      }
      return value;
    });
  }

  #broadcastPatches(patches) {
    if (patches.length === 0)
      return;
    const message = {
      type: 'state:patch',
      ...this.address(),
      patches: patches.map(wirePatch),
    };
    for (const connection of this.stateSubscribers)
      connection.send(message);
  }

  #broadcastEvents(events) {
    for (const { event, payload } of events) {
      const message = { type: 'event', ...this.address(), event, payload };
      for (const connection of this.eventSubscribers)
        connection.send(message);
    }
  }

  hookContext(connection, draft, emit) {
    return {
      state: draft,
      clientId: connection?.clientId,
      clients: [...this.clients].map((c) => c.clientId),
      userId: connection?.userId ?? null,
      claims: connection?.claims ?? {},
      scope: undefined,
      emit,
    };
  }

  // Hook failures are swallowed: nothing on the wire reports them.
  runHook(name, connection, broadcast) {
    const hook = this.type[name];
    if (hook === undefined)
      return;
    this.queue
      .push(() => this.transact((draft, emit) =>
        hook(this.hookContext(connection, draft, emit)), broadcast))
      .catch(() => {});
  }

  activate() {
    this.runHook('onActivate', null, false);
  }

  // First rpc/event:sub/state:sub from a connection registers it and fires
  // onConnect; later ones do nothing.
  touch(connection) {
    if (this.clients.has(connection))
      return;
    this.clients.add(connection);
    connection.instances.add(this);
    this.runHook('onConnect', connection, true);
  }

  disconnect(connection) {
    this.stateSubscribers.delete(connection);
    this.eventSubscribers.delete(connection);
    if (!this.clients.delete(connection))
      return;
    this.runHook('onDisconnect', connection, true);
  }

  async #call(connection, method, input) {
    if (!hasOwn(this.type.methods, method))
      throw new Error(`Unknown method: ${method}`);

    const definition = this.type.methods[method];
    let parsedInput;
    if (definition.input !== undefined) {
      const parsed = definition.input.safeParse(input);
      if (!parsed.success)
        throw new Error(`Validation failed for ${method}: ${JSON.stringify(parsed.error.issues)}`);
      parsedInput = parsed.data;
    }

    let ctx = {};
    for (const middleware of [...this.type.middleware, ...(definition.middleware ?? [])]) {
      const added = await middleware({
        ctx,
        clientId: connection.clientId,
        userId: connection.userId,
        claims: connection.claims,
        scope: undefined,
        actor: this.typeName,
        actorId: this.actorId,
        method,
      });
      if (added !== null && typeof added === 'object')
        ctx = { ...ctx, ...added };
    }

    return this.transact((draft, emit) => definition.handler({
      ...this.hookContext(connection, draft, emit),
      input: parsedInput,
      ctx,
    }), true);
  }

  // The reply is sent from inside the queued job, so it always follows the
  // call's patches and events and precedes anything queued after it.
  call(connection, method, input, reply) {
    this.queue.push(async () => {
      try {
        reply({ result: await this.#call(connection, method, input) });
      } catch (error) {
        reply({ error: errorText(error) });
      }
    });
  }
}

export class Runtime {
  #types;
  #instances = new Map();
  #nextClient = 0;

  constructor(actors) {
    this.#types = actors;
  }

  #type(name) {
    return typeof name === 'string' && hasOwn(this.#types, name) ? this.#types[name] : undefined;
  }

  #instance(typeName, actorId) {
    const type = this.#type(typeName);
    if (type === undefined)
      return undefined;
    const key = `${typeName}:${String(actorId)}`;
    let instance = this.#instances.get(key);
    if (instance === undefined) {
      instance = new Instance(type, typeName, actorId);
      this.#instances.set(key, instance);
      instance.activate();
    }
    return instance;
  }

  // transport: { send(text) }. Returns the connection handle to pass to
  // receive() and close().
  open(transport) {
    this.#nextClient += 1;
    const connection = {
      clientId: `node_${this.#nextClient}_${Date.now().toString(36)}`,
      userId: null,
      claims: {},
      instances: new Set(),
      open: true,
      send(message) {
        if (this.open)
          transport.send(JSON.stringify(message));
      },
    };
    connection.send({ type: 'welcome', clientId: connection.clientId });
    return connection;
  }

  close(connection) {
    connection.open = false;
    for (const instance of connection.instances)
      instance.disconnect(connection);
    connection.instances.clear();
  }

  receive(connection, text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (message === null || typeof message !== 'object' || Array.isArray(message))
      return;
    if (typeof message.type !== 'string')
      return;

    switch (message.type) {
      case 'rpc':
        this.#rpc(connection, message);
        break;
      case 'state:sub':
      case 'state:unsub':
      case 'event:sub':
      case 'event:unsub':
        this.#subscription(connection, message);
        break;
      default:
        break;
    }
  }

  #rpc(connection, message) {
    const reply = (fields) => connection.send({ type: 'rpc:result', id: message.id, ...fields });
    const instance = this.#instance(message.actor, message.actorId);

    if (instance === undefined) {
      reply({ error: `Unknown actor: ${message.actor}` });
      return;
    }
    instance.touch(connection);
    instance.call(connection, message.method, message.input, reply);
  }

  #subscription(connection, message) {
    const instance = this.#instance(message.actor, message.actorId);
    if (instance === undefined)
      return;

    switch (message.type) {
      case 'state:sub':
        instance.stateSubscribers.add(connection);
        instance.touch(connection);
        connection.send({ type: 'state:snapshot', ...instance.address(), state: instance.state });
        break;
      case 'event:sub':
        instance.eventSubscribers.add(connection);
        instance.touch(connection);
        break;
      case 'state:unsub':
        instance.stateSubscribers.delete(connection);
        break;
      case 'event:unsub':
        instance.eventSubscribers.delete(connection);
        break;
      default:
        break;
    }
  }
}
