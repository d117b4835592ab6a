// A Zocket-speaking load generator for bench-ui: one actor whose state has
// about 10,000 nodes, changed by 200 patches/s, and 1,000 events/s.
// Usage: node tests/servers/zocket/ui-load-server.mjs  (prints {"ready":true,"url":...} once listening)

import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const PATCHES_PER_SECOND = 200;
const EVENTS_PER_SECOND = 1000;
const TICK_MS = 10;

function makeState() {
  const rooms = {};
  for (let r = 0; r < 100; r++) {
    const sensors = [];
    for (let s = 0; s < 20; s++)
      sensors.push({ id: `s${r}-${s}`, value: r + s / 100, ok: true, tags: ['a', 'b'] });
    rooms[`room-${r}`] = { name: `Room ${r}`, sensors };
  }
  return { rooms, ticks: 0 };
}

const state = makeState();
const subscribers = new Set();
const eventSubscribers = new Set();
let tick = 0;

function send(socket, message) {
  if (socket.readyState === socket.OPEN)
    socket.send(JSON.stringify(message));
}

function patchOnce() {
  const r = Math.floor(Math.random() * 100);
  const s = Math.floor(Math.random() * 20);
  const value = Math.round(Math.random() * 10000) / 100;
  state.rooms[`room-${r}`].sensors[s].value = value;
  state.ticks++;
  const patches = [
    { op: 'replace', path: `/rooms/room-${r}/sensors/${s}/value`, value },
    { op: 'replace', path: '/ticks', value: state.ticks },
  ];
  for (const socket of subscribers)
    send(socket, { type: 'state:patch', actor: 'load', actorId: 'main', patches });
}

function eventOnce(i) {
  for (const socket of eventSubscribers)
    send(socket, { type: 'event', actor: 'load', actorId: 'main', event: 'reading', payload: { i, at: Date.now() } });
}

setInterval(() => {
  tick++;
  for (let i = 0; i < PATCHES_PER_SECOND * TICK_MS / 1000; i++)
    patchOnce();
  for (let i = 0; i < EVENTS_PER_SECOND * TICK_MS / 1000; i++)
    eventOnce(tick * 100 + i);
}, TICK_MS);

const http = createServer();
const wss = new WebSocketServer({ server: http });
wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    let message;
    try { message = JSON.parse(data.toString()); } catch { return; }
    if (message.type === 'state:sub') {
      subscribers.add(socket);
      send(socket, { type: 'state:snapshot', actor: 'load', actorId: 'main', state });
    } else if (message.type === 'event:sub') {
      eventSubscribers.add(socket);
    } else if (message.type === 'rpc') {
      send(socket, { type: 'rpc:result', id: message.id, result: null });
    }
  });
  socket.on('close', () => { subscribers.delete(socket); eventSubscribers.delete(socket); });
});

http.listen(0, '127.0.0.1', () => {
  const { port } = http.address();
  console.log(JSON.stringify({ ready: true, url: `ws://127.0.0.1:${port}/`, pid: process.pid }));
});

for (const signal of ['SIGTERM', 'SIGINT'])
  process.on(signal, () => process.exit(0));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
