// json-patch-peer.mjs: the fast-json-patch side of bench-json-patch
//
// Copyright 2026 The Actorscope authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// usage: node json-patch-peer.mjs apply STREAM [FINAL-STATE]
//        node json-patch-peer.mjs apply-only STREAM
//        node json-patch-peer.mjs compare SNAPSHOTS
//
// STREAM holds the initial state on its first line, then one state:patch
// message per line. SNAPSHOTS holds one state per line. The file is read and
// split before the clock starts; the timed loop parses and applies (or
// compares), and the throughput goes to stdout as `throughput=N`.
// apply-only parses every message first and times the patching alone.

import { readFileSync, writeFileSync } from 'node:fs';
import { applyPatch, compare } from 'fast-json-patch/index.mjs';

function readLines(path) {
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.length > 0);
}

function seconds(start) {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function runApply(streamPath, finalPath) {
  const lines = readLines(streamPath);
  let state = JSON.parse(lines[0]);
  const start = process.hrtime.bigint();

  for (let i = 1; i < lines.length; i++) {
    const message = JSON.parse(lines[i]);
    state = applyPatch(state, message.patches).newDocument;
  }

  const elapsed = seconds(start);
  if (finalPath) {
    writeFileSync(finalPath, JSON.stringify(state));
  }
  console.log(`throughput=${((lines.length - 1) / elapsed).toFixed(1)}`);
}

function runApplyOnly(streamPath) {
  const lines = readLines(streamPath);
  const state = JSON.parse(lines[0]);
  const messages = lines.slice(1).map((line) => JSON.parse(line));
  let document = state;
  const start = process.hrtime.bigint();

  for (const message of messages) {
    document = applyPatch(document, message.patches).newDocument;
  }

  console.log(`throughput=${(messages.length / seconds(start)).toFixed(1)}`);
}

function runCompare(snapshotsPath) {
  const snapshots = readLines(snapshotsPath).map((line) => JSON.parse(line));
  let operations = 0;
  const start = process.hrtime.bigint();

  for (let i = 1; i < snapshots.length; i++) {
    operations += compare(snapshots[i - 1], snapshots[i]).length;
  }

  const elapsed = seconds(start);
  console.log(`throughput=${((snapshots.length - 1) / elapsed).toFixed(1)} operations=${operations}`);
}

const [mode, path, extra] = process.argv.slice(2);
if (mode === 'apply') {
  runApply(path, extra);
} else if (mode === 'apply-only') {
  runApplyOnly(path);
} else if (mode === 'compare') {
  runCompare(path);
} else {
  console.error('usage: json-patch-peer.mjs apply|apply-only STREAM [FINAL-STATE] | compare SNAPSHOTS');
  process.exit(2);
}
