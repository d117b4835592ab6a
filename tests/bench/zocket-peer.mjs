// zocket-peer.mjs: the Node side of bench-zocket, a plain Zocket client
//
// Copyright 2026 The Actorscope authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// usage: node zocket-peer.mjs STREAM [FINAL-STATE]
//
// STREAM holds one server frame per line. The file is read and split before
// the clock starts; the timed loop does what a small Node client would:
// JSON.parse() each frame, take a snapshot as the state, apply a patch with
// fast-json-patch applyPatch(), and keep events in a ring buffer of the same
// capacity as the actor's event log. Prints `throughput=N` frames/s.

import { readFileSync, writeFileSync } from 'node:fs';
import { applyPatch } from 'fast-json-patch/index.mjs';

const EVENT_LOG_CAPACITY = 10000;

class EventLog {
  constructor(capacity) {
    this.slots = new Array(capacity);
    this.head = 0;
    this.length = 0;
    this.serial = 0;
    this.appended = 0;
  }

  append(name, payload) {
    const capacity = this.slots.length;
    const entry = { kind: 'event', name, payload, time: Date.now(), serial: ++this.serial };

    if (this.length === capacity) {
      this.slots[this.head] = entry;
      this.head = (this.head + 1) % capacity;
    } else {
      this.slots[(this.head + this.length) % capacity] = entry;
      this.length++;
    }
    this.appended++;
  }
}

const [streamPath, finalPath] = process.argv.slice(2);
const lines = readFileSync(streamPath, 'utf8').split('\n').filter((line) => line.length > 0);
const log = new EventLog(EVENT_LOG_CAPACITY);
let state = null;
const start = process.hrtime.bigint();

for (const line of lines) {
  const frame = JSON.parse(line);

  switch (frame.type) {
    case 'state:snapshot':
      state = frame.state;
      break;
    case 'state:patch':
      state = applyPatch(state, frame.patches).newDocument;
      break;
    case 'event':
      log.append(frame.event, frame.payload);
      break;
    default:
      throw new Error(`unexpected frame: ${line}`);
  }
}

const seconds = Number(process.hrtime.bigint() - start) / 1e9;
if (finalPath) {
  writeFileSync(finalPath, JSON.stringify(state));
}
console.log(`throughput=${(lines.length / seconds).toFixed(1)} events=${log.appended}`);
