// rivet-peer.mjs: the Node side of bench-rivet
//
// Copyright 2026 The Actorscope authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// usage: node rivet-peer.mjs FRAMES
//
// FRAMES holds inspector v6 StateUpdated frames, each behind a u32
// little-endian length. The file is read and cut into frames before the
// clock starts. The first frame is decoded before the clock too; the timed
// loop reads each frame's BARE union tag and data length, decodes the CBOR
// state with cbor-x and diffs it with fast-json-patch compare() against the
// previous state. Prints `throughput=N` frames/s.

import { readFileSync } from 'node:fs';
import { decode } from 'cbor-x';
import { compare } from 'fast-json-patch/index.mjs';

const STATE_UPDATED = 5;

function readFrames(path) {
  const file = readFileSync(path);
  const frames = [];

  for (let offset = 0; offset < file.length;) {
    const length = file.readUInt32LE(offset);
    frames.push(file.subarray(offset + 4, offset + 4 + length));
    offset += 4 + length;
  }
  return frames;
}

// A BARE uint: 7 bits a byte, least significant first. Returns [value, next offset].
function readUvarint(bytes, offset) {
  let value = 0;
  let shift = 0;

  for (;;) {
    const byte = bytes[offset++];
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) {
      return [value, offset];
    }
    shift += 7;
  }
}

function decodeStateUpdated(frame) {
  const [tag, lengthOffset] = readUvarint(frame, 0);
  if (tag !== STATE_UPDATED) {
    throw new Error(`unexpected union tag ${tag}`);
  }
  const [length, dataOffset] = readUvarint(frame, lengthOffset);
  return decode(frame.subarray(dataOffset, dataOffset + length));
}

const frames = readFrames(process.argv[2]);
let state = decodeStateUpdated(frames[0]);
let operations = 0;
const start = process.hrtime.bigint();

for (let i = 1; i < frames.length; i++) {
  const next = decodeStateUpdated(frames[i]);
  operations += compare(state, next).length;
  state = next;
}

const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`throughput=${((frames.length - 1) / seconds).toFixed(1)} operations=${operations}`);
