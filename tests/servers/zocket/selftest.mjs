// Checks the reference server against the documented wire behaviour.
// Run with: node --test selftest.mjs
//
// Copyright 2026 The Actorscope authors
// SPDX-License-Identifier: GPL-3.0-or-later

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import WebSocket from 'ws';

const SERVER = fileURLToPath(new URL('./server.mjs', import.meta.url));
const TIMEOUT_MS = 5000;

async function startServer(extraArgs = []) {
  const child = spawn(process.execPath, [SERVER, '--port', '0', ...extraArgs],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  let buffered = '';

  child.stdout.setEncoding('utf8');
  const ready = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server not ready in time')), 20000);
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const newline = buffered.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        resolve(JSON.parse(buffered.slice(0, newline)));
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
  return { child, ready };
}

async function stopServer(server) {
  if (server.child.exitCode !== null)
    return server.child.exitCode;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  const [code] = await exited;
  return code;
}

// A client that records every frame and lets tests wait for one.
class Client {
  frames = [];
  #waiters = [];
  #seen = 0;
  #nextId = 0;

  static async connect(url) {
    const client = new Client();
    client.socket = new WebSocket(url);
    client.socket.on('message', (data) => client.#receive(JSON.parse(data.toString())));
    await once(client.socket, 'open');
    client.welcome = await client.next();
    return client;
  }

  #receive(frame) {
    this.frames.push(frame);
    for (const waiter of [...this.#waiters])
      waiter();
  }

  send(message) {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  // The next frame not yet consumed, in arrival order.
  next() {
    return this.#wait(() => this.#seen < this.frames.length, () => this.frames[this.#seen++]);
  }

  // Consumes frames up to and including the first matching one; returns
  // everything consumed.
  async until(predicate) {
    const taken = [];
    for (;;) {
      const frame = await this.next();
      taken.push(frame);
      if (predicate(frame))
        return taken;
    }
  }

  async rpc(actor, actorId, method, input) {
    const id = `t${++this.#nextId}`;
    const message = { type: 'rpc', id, actor, actorId, method };
    if (input !== undefined)
      message.input = input;
    this.send(message);
    const frames = await this.until((f) => f.type === 'rpc:result' && f.id === id);
    const all = frames.slice(0, -1);
    // Frames from earlier tests' instances may still be arriving.
    const before = all.filter((f) => f.actor === actor && String(f.actorId) === String(actorId));
    return { result: frames.at(-1), before, all };
  }

  async subscribeState(actor, actorId) {
    this.send({ type: 'state:sub', actor, actorId });
    return this.until((f) => f.type === 'state:snapshot' && f.actor === actor &&
      String(f.actorId) === actorId);
  }

  #wait(ready, take) {
    if (ready())
      return Promise.resolve(take());
    return new Promise((resolve, reject) => {
      const waiter = () => {
        if (!ready())
          return;
        clearTimeout(timer);
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        resolve(take());
      };
      const timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        reject(new Error(`no frame within ${TIMEOUT_MS} ms; got ${JSON.stringify(this.frames)}`));
      }, TIMEOUT_MS);
      this.#waiters.push(waiter);
    });
  }

  async close() {
    if (this.socket.readyState === WebSocket.CLOSED)
      return;
    const closed = once(this.socket, 'close');
    this.socket.close();
    await closed;
  }
}

const patchesOf = (frames) => frames.filter((f) => f.type === 'state:patch').flatMap((f) => f.patches);

describe('zocket reference server', () => {
  let server;
  let client;
  let unique = 0;
  const fresh = (prefix) => `${prefix}${++unique}`;

  before(async () => {
    server = await startServer();
    client = await Client.connect(server.ready.url);
  });

  after(async () => {
    await client.close();
    await stopServer(server);
  });

  test('prints a loopback ready line', () => {
    assert.equal(server.ready.ready, true);
    assert.equal(server.ready.pid, server.child.pid);
    assert.match(server.ready.url, /^ws:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test('sends welcome first', () => {
    assert.equal(client.welcome.type, 'welcome');
    assert.match(client.welcome.clientId, /^node_\d+_[0-9a-z]+$/);
  });

  test('a fresh state:sub gets the default snapshot', async () => {
    const frames = await client.subscribeState('counter', fresh('c'));
    assert.deepEqual(frames.at(-1).state, { count: 0, items: [], map: {}, nested: { a: 1 } });
  });

  test('sends patches, then events, then the result', async () => {
    const id = fresh('c');
    await client.subscribeState('counter', id);
    client.send({ type: 'event:sub', actor: 'counter', actorId: id });
    const { result, before } = await client.rpc('counter', id, 'increment');

    assert.deepEqual(before.map((f) => f.type), ['state:patch', 'event']);
    assert.deepEqual(before[0].patches, [{ op: 'replace', path: '/count', value: 1 }]);
    assert.deepEqual(before[1], {
      type: 'event', actor: 'counter', actorId: id, event: 'bumped', payload: { by: 1 },
    });
    assert.deepEqual(result, { type: 'rpc:result', id: result.id, result: 1 });
  });

  test('unshift is a run of replaces and one add', async () => {
    const id = fresh('c');
    await client.subscribeState('counter', id);
    await client.rpc('counter', id, 'setItems', { items: ['a', 'b', 'c'] });
    const { before } = await client.rpc('counter', id, 'unshift', { value: 'z' });

    assert.deepEqual(patchesOf(before), [
      { op: 'replace', path: '/items/0', value: 'z' },
      { op: 'replace', path: '/items/1', value: 'a' },
      { op: 'replace', path: '/items/2', value: 'b' },
      { op: 'add', path: '/items/3', value: 'c' },
    ]);
  });

  test('assigning a new array is one replace', async () => {
    const id = fresh('c');
    await client.subscribeState('counter', id);
    const { before } = await client.rpc('counter', id, 'setItems', { items: [1, 2] });
    assert.deepEqual(patchesOf(before), [{ op: 'replace', path: '/items', value: [1, 2] }]);
  });

  test('clearing removes from the highest index down', async () => {
    const id = fresh('c');
    await client.subscribeState('counter', id);
    await client.rpc('counter', id, 'setItems', { items: ['a', 'b'] });
    const { before } = await client.rpc('counter', id, 'clearItems');

    assert.deepEqual(patchesOf(before), [
      { op: 'remove', path: '/items/1' },
      { op: 'remove', path: '/items/0' },
    ]);
  });

  test('setting a key to undefined is a replace without value', async () => {
    const id = fresh('c');
    await client.subscribeState('counter', id);
    await client.rpc('counter', id, 'setMaybe', { value: 'x' });
    const { before } = await client.rpc('counter', id, 'unsetMaybe');
    const [patch] = patchesOf(before);

    assert.deepEqual(patch, { op: 'replace', path: '/maybe' });
    assert.equal('value' in patch, false);
    const frames = await client.subscribeState('counter', id);
    assert.equal('maybe' in frames.at(-1).state, false);
  });

  test('key paths are not escaped', async () => {
    const id = fresh('c');
    await client.subscribeState('counter', id);
    const paths = [];
    for (const key of ['a/b', 'm~n', 'a/b~c', '']) {
      const { before } = await client.rpc('counter', id, 'setKey', { key, value: 1 });
      paths.push(...patchesOf(before).map((p) => p.path));
    }
    const { before } = await client.rpc('counter', id, 'deleteKey', { key: 'a/b~c' });

    assert.deepEqual(paths, ['/map/a/b', '/map/m~n', '/map/a/b~c', '/map/']);
    assert.deepEqual(patchesOf(before), [{ op: 'remove', path: '/map/a/b~c' }]);
  });

  test('reports unknown actors and methods', async () => {
    const actor = await client.rpc('nosuchactor', 'x', 'foo');
    const method = await client.rpc('counter', fresh('c'), 'doesNotExist');

    assert.equal(actor.result.error, 'Unknown actor: nosuchactor');
    assert.equal(method.result.error, 'Unknown method: doesNotExist');
  });

  test('an unknown method still creates the instance and fires onConnect', async () => {
    const id = fresh('p');
    const other = await Client.connect(server.ready.url);
    try {
      await client.subscribeState('presence', id);
      await client.until((f) => f.type === 'state:patch' && f.actorId === id);
      await other.rpc('presence', id, 'doesNotExist');
      const [patch] = await client.until((f) => f.type === 'state:patch' && f.actorId === id);
      assert.deepEqual(patch.patches, [{ op: 'add', path: '/online/1', value: other.welcome.clientId }]);
    } finally {
      await other.close();
    }
  });

  test('validation errors carry the zod issues', async () => {
    const { result } = await client.rpc('counter', fresh('c'), 'add', { amount: 'x' });
    const prefix = 'Validation failed for add: ';

    assert.ok(result.error.startsWith(prefix));
    assert.deepEqual(JSON.parse(result.error.slice(prefix.length)), [{
      expected: 'number',
      code: 'invalid_type',
      path: ['amount'],
      message: 'Invalid input: expected number, received string',
    }]);
  });

  test('validation runs before middleware', async () => {
    const bad = await client.rpc('guarded', 'g', 'secret', { n: 'bad' });
    const good = await client.rpc('guarded', 'g', 'secret', { n: 1 });
    const open = await client.rpc('guarded', 'g', 'open');

    assert.match(bad.result.error, /^Validation failed for secret: \[/);
    assert.equal(good.result.error, 'Forbidden');
    assert.deepEqual(open.result.result, { role: 'guest' });
  });

  test('error strings and result shapes', async () => {
    const id = fresh('c');
    const empty = await client.rpc('counter', id, 'failEmpty');
    const odd = await client.rpc('counter', id, 'failOdd');
    const nothing = await client.rpc('counter', id, 'nothing');
    const nul = await client.rpc('counter', id, 'getNull');
    const weird = await client.rpc('counter', id, 'getOdd');

    assert.deepEqual(empty.result, { type: 'rpc:result', id: empty.result.id, error: '' });
    assert.equal(odd.result.error, 'Unknown error');
    assert.deepEqual(Object.keys(nothing.result).sort(), ['id', 'type']);
    assert.equal('result' in nul.result, true);
    assert.equal(nul.result.result, null);
    assert.deepEqual(weird.result.result, { date: '1970-01-01T00:00:00.000Z', nan: null, inf: null });
  });

  test('a throwing handler leaves no state change and no event', async () => {
    const id = fresh('c');
    await client.subscribeState('counter', id);
    client.send({ type: 'event:sub', actor: 'counter', actorId: id });
    const failed = await client.rpc('counter', id, 'fail', { message: 'boom' });
    const state = await client.rpc('counter', id, 'get');

    assert.equal(failed.result.error, 'boom');
    assert.deepEqual(failed.before, []);
    assert.equal(state.result.result.count, 0);
    assert.deepEqual(state.result.result.items, []);
  });

  test('ids come back with their JSON type', async () => {
    client.send({ type: 'rpc', id: 7, actor: 'slow', actorId: 'ids', method: 'ping' });
    const frames = await client.until((f) => f.type === 'rpc:result' && f.id === 7);
    assert.deepEqual(frames.at(-1), { type: 'rpc:result', id: 7, result: 'pong' });
  });

  test('numeric and string actor ids reach the same instance', async () => {
    const id = 900 + (++unique);
    await client.rpc('counter', id, 'increment');
    const { result } = await client.rpc('counter', String(id), 'get');
    assert.equal(result.result.count, 1);
  });

  test('a sync onConnect on an idle instance patches before the snapshot', async () => {
    const id = fresh('pf');
    const first = await client.subscribeState('presence', id);
    assert.deepEqual(first.at(-1).state, { online: [], activated: false });
    await client.until((f) => f.type === 'state:patch' && f.actorId === id);

    const other = await Client.connect(server.ready.url);
    try {
      const frames = await other.subscribeState('presence', id);
      assert.deepEqual(frames.map((f) => f.type), ['state:patch', 'state:snapshot']);
      assert.deepEqual(frames[0].patches, [{ op: 'add', path: '/online/1', value: other.welcome.clientId }]);
      assert.deepEqual(frames[1].state, {
        online: [client.welcome.clientId, other.welcome.clientId],
        activated: true,
      });
    } finally {
      await other.close();
    }
    // The first subscriber saw the join, then onDisconnect's removal.
    const isOurs = (f) => f.type === 'state:patch' && f.actorId === id;
    const seen = patchesOf((await client.until((f) => isOurs(f) && f.patches[0].op === 'remove'))
      .filter(isOurs));
    assert.deepEqual(seen, [
      { op: 'add', path: '/online/1', value: other.welcome.clientId },
      { op: 'remove', path: '/online/1' },
    ]);
  });

  test('a second state:sub resends the snapshot without onConnect', async () => {
    const id = fresh('pf');
    await client.subscribeState('presence', id);
    await client.until((f) => f.type === 'state:patch' && f.actorId === id);
    const again = await client.subscribeState('presence', id);
    assert.deepEqual(again.map((f) => f.type), ['state:snapshot']);
    assert.deepEqual(again[0].state.online, [client.welcome.clientId]);
  });

  test('instances run concurrently, calls on one instance in order', async () => {
    const slowId = fresh('s');
    const fastId = fresh('s');
    client.send({ type: 'rpc', id: 'slow', actor: 'slow', actorId: slowId, method: 'wait', input: { ms: 300, value: 'slow' } });
    client.send({ type: 'rpc', id: 'fast', actor: 'slow', actorId: fastId, method: 'wait', input: { ms: 0, value: 'fast' } });
    client.send({ type: 'rpc', id: 'after', actor: 'slow', actorId: slowId, method: 'ping' });
    const frames = await client.until((f) => f.type === 'rpc:result' && f.id === 'after');

    assert.deepEqual(frames.filter((f) => f.type === 'rpc:result').map((f) => f.id),
      ['fast', 'slow', 'after']);
  });

  test('events are checked against their schemas', async () => {
    const id = fresh('chat');
    client.send({ type: 'event:sub', actor: 'chat', actorId: id });
    const invalid = await client.rpc('chat', id, 'sendInvalid');
    const undeclared = await client.rpc('chat', id, 'sendUndeclared');
    const anonymous = await client.rpc('chat', id, 'sendAnonymous', { text: 'hi' });
    const sent = await client.rpc('chat', id, 'send', { text: 'yo' });

    assert.deepEqual(invalid.before, []);
    assert.deepEqual(undeclared.before, []);
    assert.deepEqual(anonymous.before.map((f) => f.payload), [{ text: 'hi', from: 'anonymous' }]);
    assert.deepEqual(sent.before.map((f) => f.payload), [{ text: 'yo', from: client.welcome.clientId }]);
  });

  test('unsubscribing stops patches and events', async () => {
    const id = fresh('c');
    await client.subscribeState('counter', id);
    client.send({ type: 'event:sub', actor: 'counter', actorId: id });
    client.send({ type: 'state:unsub', actor: 'counter', actorId: id });
    client.send({ type: 'event:unsub', actor: 'counter', actorId: id });
    const { before } = await client.rpc('counter', id, 'increment');
    assert.deepEqual(before, []);
  });

  test('malformed frames get no reply', async () => {
    for (const text of ['not json', '[1,2,3]', '42', 'null', '{"no":"type"}', '{"type":7}',
      '{"type":"bogus"}', '{"type":"state:sub","actor":"nosuch","actorId":"x"}',
      '{"type":"event:sub","actor":"nosuch","actorId":"x"}'])
      client.send(text);
    const { all, result } = await client.rpc('slow', 'malformed', 'ping');
    assert.deepEqual(all.filter((f) => f.type === 'rpc:result' || f.actor === 'nosuch'), []);
    assert.equal(result.result, 'pong');
  });

  test('binary frames are read as text', async () => {
    const message = { type: 'rpc', id: 'bin', actor: 'slow', actorId: 'b', method: 'ping' };
    client.socket.send(Buffer.from(JSON.stringify(message)), { binary: true });
    const frames = await client.until((f) => f.type === 'rpc:result' && f.id === 'bin');
    assert.equal(frames.at(-1).result, 'pong');
  });

  test('large frames', async () => {
    const id = fresh('c');
    await client.subscribeState('counter', id);
    const { before, result } = await client.rpc('counter', id, 'big', { size: 100000 });
    assert.equal(result.result, 100000);
    assert.equal(patchesOf(before)[0].value.length, 100000);
  });
});

describe('server process', () => {
  test('--state-seed sets the initial count', async () => {
    const server = await startServer(['--state-seed', '41']);
    const client = await Client.connect(server.ready.url);
    const { result } = await client.rpc('counter', 'seeded', 'increment');
    await client.close();
    assert.equal(result.result, 42);
    assert.equal(await stopServer(server), 0);
  });

  test('SIGTERM exits cleanly and drops connections', async () => {
    const server = await startServer();
    const client = await Client.connect(server.ready.url);
    const closed = once(client.socket, 'close');
    assert.equal(await stopServer(server), 0);
    await closed;
  });

  test('refuses non-loopback hosts', async () => {
    const child = spawn(process.execPath, [SERVER, '--host', '0.0.0.0'], { stdio: 'ignore' });
    const [code] = await once(child, 'exit');
    assert.equal(code, 2);
  });
});
