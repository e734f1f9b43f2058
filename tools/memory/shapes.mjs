// The data shapes `npm run memory` fills both servers with: what one item is, how it is written
// (the same pipelined commands to both servers) and how it is described in the report.

import { encodeCommand } from '@cinnabar/testing';

/** DEBUG POPULATE's value for key number j: "value:j", zero-padded or cut to `size` bytes. */
export function populateValue(j, size) {
  const text = `value:${j}`;
  return size === 0 ? text : text.slice(0, size).padEnd(size, '\0');
}

/** A ~10-byte, never integer-looking element for item i (Redis would pack integers smaller). */
const small = (tag, i) => `${tag}:${i}`.padEnd(10, '.');

/** Items per command for the one-key shapes, and commands per pipelined write. */
const PER_COMMAND = 100;
const BATCH_COMMANDS = 1000;

/**
 * Every shape: `unit` names an item, `describe(opt)` says what is written, `command(from, n, opt)`
 * is the argv writing items from..from+n-1, `perCommand` how many items one command writes and
 * `reply(n)` the reply expected for it.
 */
export const SHAPES = {
  strings: {
    unit: 'key',
    perCommand: 1,
    describe: (opt) => `SET key:N "value:N" zero-padded to ${opt.valueSize} B (DEBUG POPULATE's keys and values)`,
    command: (from, _n, opt) => ['SET', `key:${from}`, populateValue(from, opt.valueSize)],
    reply: () => '+OK\r\n',
  },
  hashes: {
    unit: 'hash',
    perCommand: 1,
    describe: () => 'HSET hash:N field1 V1 field2 V2 field3 V3 with 10-byte values',
    command: (from) => ['HSET', `hash:${from}`, 'field1', small('a', from), 'field2', small('b', from), 'field3', small('c', from)],
    reply: () => ':3\r\n',
  },
  zset: {
    unit: 'member',
    perCommand: PER_COMMAND,
    describe: () => `ZADD zset N member:N, ${PER_COMMAND} members per command`,
    command: (from, n) => {
      const argv = ['ZADD', 'zset'];
      for (let i = from; i < from + n; i++) argv.push(String(i), `member:${i}`);
      return argv;
    },
    reply: (n) => `:${n}\r\n`,
  },
  list: {
    unit: 'element',
    perCommand: PER_COMMAND,
    describe: () => `RPUSH list with 10-byte elements, ${PER_COMMAND} per command`,
    command: (from, n) => {
      const argv = ['RPUSH', 'list'];
      for (let i = from; i < from + n; i++) argv.push(small('e', i));
      return argv;
    },
    reply: (n, from) => `:${from + n}\r\n`,
  },
};

/** Writes `opt.items` items of the shape over `conn`, pipelined, checking every reply. */
export async function fill(conn, shape, opt) {
  const per = shape.perCommand;
  const batch = per * BATCH_COMMANDS;
  for (let start = 0; start < opt.items; start += batch) {
    const end = Math.min(start + batch, opt.items);
    const frames = [];
    const expected = [];
    for (let from = start; from < end; from += per) {
      const n = Math.min(per, end - from);
      frames.push(encodeCommand(shape.command(from, n, opt)));
      expected.push(shape.reply(n, from));
    }
    conn.write(Buffer.concat(frames));
    const { frames: replies } = await conn.read(frames.length, 60_000);
    const bad = replies.findIndex((r, i) => r !== expected[i]);
    if (replies.length !== frames.length || bad >= 0) {
      throw new Error(`fill: ${bad >= 0 ? `got ${replies[bad].trim()}, expected ${expected[bad].trim()}` : `${replies.length}/${frames.length} replies`}`);
    }
  }
}
