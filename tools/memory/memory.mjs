#!/usr/bin/env node
// `npm run memory`: fills redis-server and Cinnabar with the same data (a shape of shapes.mjs:
// string keys, small hashes, one big sorted set or list) and compares the RSS each grew by
// per item, with Cinnabar's INFO memory figures (used_memory, heap) beside them.

import { parseArgs } from 'node:util';
import { RawConnection } from '@cinnabar/testing';
import { installCleanup, PORT_RANGE, rssBytes, startServer, stopAll } from '../bench/server-process.mjs';
import { fill, SHAPES } from './shapes.mjs';

const HELP = `usage: node tools/memory/memory.mjs [options]
  --shape S         what to store (default strings):
                      strings  N keys key:N of --value-size bytes (DEBUG POPULATE N key SIZE)
                      hashes   N keys hash:N, each HSET with field1..field3 of 10-byte values
                      zset     one key with N members member:N scored N (ZADD, 100 per command)
                      list     one key with N 10-byte elements (RPUSH, 100 per command)
  --items N         items to create: keys, hashes, members or elements (default 1000000)
  --keys N          the same as --items
  --value-size B    strings: value size in bytes (default 100)
  --method M        strings: populate | set | auto (default auto: DEBUG POPULATE if both servers
                    have it); the other shapes always write pipelined commands
  --settle-ms MS    wait before reading RSS after the fill (default 1000)
  --ports A-B       the port range servers are started on (default ${PORT_RANGE.from}-${PORT_RANGE.to})`;

function options() {
  const { values } = parseArgs({
    options: {
      shape: { type: 'string', default: 'strings' },
      items: { type: 'string' },
      keys: { type: 'string' },
      'value-size': { type: 'string', default: '100' },
      method: { type: 'string', default: 'auto' },
      'settle-ms': { type: 'string', default: '1000' },
      ports: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  if (!Object.hasOwn(SHAPES, values.shape)) throw new Error(`--shape must be one of ${Object.keys(SHAPES).join(', ')}`);
  if (!['populate', 'set', 'auto'].includes(values.method)) throw new Error(`--method must be populate, set or auto`);
  let ports = PORT_RANGE;
  if (values.ports !== undefined) {
    const m = /^(\d+)-(\d+)$/.exec(values.ports);
    if (!m) throw new Error('--ports must be FROM-TO');
    ports = { from: Number(m[1]), to: Number(m[2]) };
  }
  return {
    ports,
    shape: values.shape,
    items: Number(values.items ?? values.keys ?? '1000000'),
    valueSize: Number(values['value-size']),
    method: values.method,
    settleMs: Number(values['settle-ms']),
  };
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

async function measure(server, opt, method) {
  const conn = await RawConnection.connect(server.port);
  try {
    const before = { rss: rssBytes(server.pid), info: await info(conn, 'memory') };
    const started = performance.now();
    if (method === 'populate') {
      conn.send(['DEBUG', 'POPULATE', String(opt.items), 'key', String(opt.valueSize)]);
      const { frames } = await conn.read(1, 300_000);
      if (frames[0] !== '+OK\r\n') throw new Error(`DEBUG POPULATE on ${server.name}: ${frames[0]?.trim() ?? 'no reply'}`);
    } else {
      await fill(conn, SHAPES[opt.shape], opt);
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
const COLUMNS = [['server', 9], ['RSS before', 11], ['RSS after', 11], ['RSS growth', 11], ['B/item', 7],
  ['used_memory growth', 19], ['B/item', 7], ['dbsize', 8], ['fill s', 7]];
const row = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(COLUMNS[i][1]) : c.padStart(COLUMNS[i][1]))).join('  ');

/** One table row; returns the RSS growth in bytes. */
function report(name, r, items) {
  const growth = r.after.rss - r.before.rss;
  const used = Number(r.after.info.used_memory) - Number(r.before.info.used_memory);
  const dbsize = /^:(\d+)/.exec(r.dbsize)?.[1] ?? 'n/a';
  console.log(row([name, mb(r.before.rss), mb(r.after.rss), mb(growth), (growth / items).toFixed(1),
    Number.isFinite(used) ? mb(used) : 'n/a', Number.isFinite(used) ? (used / items).toFixed(1) : 'n/a',
    dbsize, (r.fillMs / 1000).toFixed(1)]));
  return growth;
}

async function main() {
  const opt = options();
  const shape = SHAPES[opt.shape];
  installCleanup();
  const directives = { 'enable-debug-command': 'yes' };
  const redis = await startServer('redis', { directives, ports: opt.ports });
  const cinnabar = await startServer('cinnabar', { directives, ports: opt.ports });
  console.log(`memory: ${opt.items} ${shape.unit}s (--shape ${opt.shape}); redis pid ${redis.pid} port ${redis.port}, cinnabar pid ${cinnabar.pid} port ${cinnabar.port}`);

  const populate = opt.shape === 'strings' &&
    (opt.method === 'populate' || (opt.method === 'auto' && (await hasPopulate(cinnabar)) && (await hasPopulate(redis))));
  const method = populate ? 'populate' : 'commands';
  console.log(populate
    ? `method: DEBUG POPULATE ${opt.items} key ${opt.valueSize} on both servers`
    : `method: pipelined ${shape.describe(opt)} on both servers`);

  const r = await measure(redis, opt, method);
  const c = await measure(cinnabar, opt, method);
  console.log('');
  console.log(row(COLUMNS.map(([n]) => n)));
  const rg = report('redis', r, opt.items);
  const cg = report('cinnabar', c, opt.items);
  console.log(`\nRSS growth per ${shape.unit}: redis ${(rg / opt.items).toFixed(1)} B, cinnabar ${(cg / opt.items).toFixed(1)} B; Cinnabar ÷ Redis: ${(cg / rg).toFixed(2)}`);
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
