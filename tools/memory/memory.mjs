#!/usr/bin/env node
// `npm run memory`: fills redis-server and Cinnabar with the same keys (DEBUG POPULATE, or
// pipelined SETs of the same keys and values where a server lacks it) and compares the RSS
// each grew by per key, with Cinnabar's INFO memory figures (used_memory, heap) beside them.

import { parseArgs } from 'node:util';
import { encodeCommand, RawConnection } from '@cinnabar/testing';
import { installCleanup, rssBytes, startServer, stopAll } from '../bench/server-process.mjs';

const HELP = `usage: node tools/memory/memory.mjs [options]
  --keys N          keys to create (default 1000000)
  --value-size B    value size in bytes (default 100)
  --method M        populate | set | auto (default auto: DEBUG POPULATE if both servers have it)
  --settle-ms MS    wait before reading RSS after the fill (default 1000)`;

function options() {
  const { values } = parseArgs({
    options: {
      keys: { type: 'string', default: '1000000' },
      'value-size': { type: 'string', default: '100' },
      method: { type: 'string', default: 'auto' },
      'settle-ms': { type: 'string', default: '1000' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  if (!['populate', 'set', 'auto'].includes(values.method)) throw new Error(`--method must be populate, set or auto`);
  return { keys: Number(values.keys), valueSize: Number(values['value-size']), method: values.method, settleMs: Number(values['settle-ms']) };
}

/** INFO <section> as name → value; empty where the server has no INFO yet (an error reply). */
async function info(conn, section) {
  const frame = await conn.call('INFO', section);
  const fields = {};
  if (!frame.startsWith('$')) return fields;
  for (const line of frame.slice(frame.indexOf('\r\n') + 2, -2).split('\r\n')) {
    const at = line.indexOf(':');
    if (at > 0 && !line.startsWith('#')) fields[line.slice(0, at)] = line.slice(at + 1);
  }
  return fields;
}

/** DEBUG POPULATE's value for key number j: "value:j", zero-padded or cut to `size` bytes. */
export function populateValue(j, size) {
  const text = `value:${j}`;
  return size === 0 ? text : text.slice(0, size).padEnd(size, '\0');
}

async function fillWithSets(conn, keys, valueSize) {
  const batch = 10_000;
  for (let from = 0; from < keys; from += batch) {
    const n = Math.min(batch, keys - from);
    const frames = [];
    for (let j = from; j < from + n; j++) frames.push(encodeCommand(['SET', `key:${j}`, populateValue(j, valueSize)]));
    conn.write(Buffer.concat(frames));
    const { frames: replies } = await conn.read(n, 60_000);
    const bad = replies.find((r) => r !== '+OK\r\n');
    if (replies.length !== n || bad) throw new Error(`SET fill: ${bad?.trim() ?? `${replies.length}/${n} replies`}`);
  }
}

async function measure(server, opt, method) {
  const conn = await RawConnection.connect(server.port);
  try {
    const before = { rss: rssBytes(server.pid), info: await info(conn, 'memory') };
    const started = performance.now();
    if (method === 'populate') {
      conn.send(['DEBUG', 'POPULATE', String(opt.keys), 'key', String(opt.valueSize)]);
      const { frames } = await conn.read(1, 300_000);
      if (frames[0] !== '+OK\r\n') throw new Error(`DEBUG POPULATE on ${server.name}: ${frames[0]?.trim() ?? 'no reply'}`);
    } else {
      await fillWithSets(conn, opt.keys, opt.valueSize);
    }
    const fillMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, opt.settleMs));
    const after = { rss: rssBytes(server.pid), info: await info(conn, 'memory') };
    const dbsize = (await conn.call('DBSIZE')).trim();
    return { before, after, fillMs, dbsize };
  } finally {
    conn.close();
  }
}

/** Does this server know DEBUG POPULATE? (Tried on 0 keys, which changes nothing.) */
async function hasPopulate(server) {
  const conn = await RawConnection.connect(server.port);
  try {
    return (await conn.call('DEBUG', 'POPULATE', '0')) === '+OK\r\n';
  } finally {
    conn.close();
  }
}

const HEAP_FIELDS = ['used_memory', 'used_memory_dataset', 'used_memory_overhead', 'allocator_allocated',
  'allocator_active', 'allocator_resident', 'used_memory_rss', 'mem_fragmentation_ratio'];
const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
const COLUMNS = [['server', 9], ['RSS before', 11], ['RSS after', 11], ['RSS growth', 11], ['B/key', 7],
  ['used_memory growth', 19], ['B/key', 7], ['dbsize', 8], ['fill s', 7]];
const row = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(COLUMNS[i][1]) : c.padStart(COLUMNS[i][1]))).join('  ');

/** One table row; returns the RSS growth in bytes. */
function report(name, r, keys) {
  const growth = r.after.rss - r.before.rss;
  const used = Number(r.after.info.used_memory) - Number(r.before.info.used_memory);
  const dbsize = /^:(\d+)/.exec(r.dbsize)?.[1] ?? 'n/a';
  console.log(row([name, mb(r.before.rss), mb(r.after.rss), mb(growth), (growth / keys).toFixed(1),
    Number.isFinite(used) ? mb(used) : 'n/a', Number.isFinite(used) ? (used / keys).toFixed(1) : 'n/a',
    dbsize, (r.fillMs / 1000).toFixed(1)]));
  return growth;
}

async function main() {
  const opt = options();
  installCleanup();
  const directives = { 'enable-debug-command': 'yes' };
  const redis = await startServer('redis', { directives });
  const cinnabar = await startServer('cinnabar', { directives });
  console.log(`memory: ${opt.keys} keys, ${opt.valueSize}-byte values; redis pid ${redis.pid}, cinnabar pid ${cinnabar.pid}`);

  const populate = opt.method === 'populate' || (opt.method === 'auto' && (await hasPopulate(cinnabar)) && (await hasPopulate(redis)));
  const method = populate ? 'populate' : 'set';
  console.log(populate
    ? `method: DEBUG POPULATE ${opt.keys} key ${opt.valueSize} on both servers`
    : `method: pipelined SET key:N "value:N" zero-padded to ${opt.valueSize} B on both servers (batches of 10000)` +
      (opt.method === 'auto' ? ' — Cinnabar has no DEBUG POPULATE yet' : ''));

  const r = await measure(redis, opt, method);
  const c = await measure(cinnabar, opt, method);
  console.log('');
  console.log(row(COLUMNS.map(([n]) => n)));
  const rg = report('redis', r, opt.keys);
  const cg = report('cinnabar', c, opt.keys);
  console.log(`\nRSS growth per key, Cinnabar ÷ Redis: ${(cg / rg).toFixed(2)}`);
  // Cinnabar's INFO memory maps its JS heap onto Redis's field names (allocator_* and the like).
  const fields = HEAP_FIELDS.filter((k) => k in c.after.info || k in c.before.info);
  if (fields.length > 0) console.log('cinnabar INFO memory (before -> after):');
  for (const k of fields) console.log(`  ${k.padEnd(24)} ${c.before.info[k] ?? '-'} -> ${c.after.info[k] ?? '-'}`);
}

main()
  .catch((e) => {
    console.error(`memory failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
