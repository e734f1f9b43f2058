#!/usr/bin/env node
// `npm run bench:persistence`: RDB and AOF costs of Cinnabar next to redis-server in one run —
// SAVE time and startup load time for DEBUG POPULATE'd keys, the longest PING stall and the RSS
// overhead of a BGSAVE under a redis-benchmark SET load, and AOF everysec ÷ no-persistence SET
// throughput. Prints a table with the ratio Cinnabar ÷ Redis. Run with --help for the options.

import { spawn, execFileSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cinnabarBin, directiveArgs, launch, makeTempDir, RawConnection, READY_LINE } from '@cinnabar/testing';
import { runBenchmark } from './redis-benchmark.mjs';
import { freePort, rssBytes } from './server-process.mjs';
import { median } from './stats.mjs';

/** This tool's ports. */
const RANGE = { from: 7650, to: 7699 };

const HELP = `usage: node tools/bench/persistence.mjs [options]
  --keys N          keys made by DEBUG POPULATE N key 100 (default 1000000)
  --repeat K        SAVEs, startup loads, BGSAVE measurements and AOF runs per server; tables
                    show the median (default 3)
  --requests N      requests per AOF throughput run (default 1000000)
  --only a,b        parts to run: save,load,bgsave,aof (default all)`;

function options() {
  const { values } = parseArgs({
    options: {
      keys: { type: 'string', default: '1000000' },
      repeat: { type: 'string', default: '3' },
      requests: { type: 'string', default: '1000000' },
      only: { type: 'string', default: 'save,load,bgsave,aof' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  return {
    keys: Number(values.keys),
    repeat: Math.max(1, Number(values.repeat)),
    requests: Number(values.requests),
    only: new Set(values.only.split(',').map((s) => s.trim())),
  };
}

const live = new Set();

/** A server in `dir` (kept on stop, so a restart loads its dump.rdb); resolves once ready. */
async function start(kind, dir, directives = {}) {
  const port = await freePort(RANGE);
  const args = directiveArgs({
    port, bind: '127.0.0.1', dir, save: '', appendonly: 'no', 'enable-debug-command': 'yes', ...directives,
  });
  const t0 = performance.now();
  const p = kind === 'redis' ? launch('redis-server', args, { cwd: dir, port }) : launch(cinnabarBin, args, { cwd: dir, port });
  p.name = kind;
  live.add(p);
  void p.exited.then(() => live.delete(p));
  await p.waitForOutput(READY_LINE, 300_000);
  p.readyMs = performance.now() - t0;
  const loaded = /DB loaded from disk: ([\d.]+) seconds/.exec(p.stdout);
  p.loadedMs = loaded ? Number(loaded[1]) * 1000 : null;
  return p;
}

async function stopAllServers() {
  await Promise.all([...live].map((p) => p.stop(20_000)));
}

/** One command on a fresh connection, with a generous timeout; the reply as RESP text. */
async function call(p, ...argv) {
  const c = await RawConnection.connect(p.port);
  try {
    c.send(argv);
    const { frames } = await c.read(1, 600_000);
    if (frames.length !== 1) throw new Error(`no reply to ${argv.join(' ')} from ${p.name}`);
    if (frames[0].startsWith('-')) throw new Error(`${argv.join(' ')} on ${p.name}: ${frames[0].trim()}`);
    return frames[0];
  } finally {
    c.close();
  }
}

async function dbsize(p) {
  return Number((await call(p, 'DBSIZE')).slice(1));
}

async function info(p, section) {
  const text = await call(p, 'INFO', section);
  return Object.fromEntries(text.split('\r\n').filter((l) => l.includes(':')).map((l) => l.split(/:(.*)/s).slice(0, 2)));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * SAVE (client-measured) and startup loading of the file it wrote, for both servers, taking
 * turns (Cinnabar, Redis, Cinnabar, …) so a busy machine weighs on both alike; medians of `repeat`.
 */
async function saveAndLoad(opt) {
  const kinds = ['cinnabar', 'redis'];
  const r = {};
  const servers = {};
  for (const kind of kinds) {
    const dir = makeTempDir(`cinnabar-bench-persist-${kind}-`);
    const p = await start(kind, dir);
    r[kind] = { dir, empty: p.readyMs, saves: [], ready: [], loaded: [] };
    servers[kind] = p;
    await call(p, 'DEBUG', 'POPULATE', String(opt.keys), 'key', '100');
  }
  for (let i = 0; i < opt.repeat; i++) {
    for (const kind of kinds) {
      const t0 = performance.now();
      await call(servers[kind], 'SAVE');
      r[kind].saves.push(performance.now() - t0);
    }
  }
  for (const kind of kinds) {
    r[kind].rss = rssBytes(servers[kind].pid);
    r[kind].fileBytes = statSync(join(r[kind].dir, 'dump.rdb')).size;
    await servers[kind].stop();
  }
  for (let i = 0; i < opt.repeat; i++) {
    for (const kind of kinds) {
      const p = await start(kind, r[kind].dir);
      r[kind].ready.push(p.readyMs);
      if (p.loadedMs !== null) r[kind].loaded.push(p.loadedMs);
      const keys = Number(/keys=(\d+)/.exec((await info(p, 'keyspace')).db0 ?? '')?.[1] ?? 0);
      if (keys !== opt.keys) throw new Error(`${kind} loaded ${keys} keys, expected ${opt.keys}`);
      await p.stop();
    }
  }
  const out = {};
  for (const kind of kinds) {
    const x = r[kind];
    rmSync(x.dir, { recursive: true, force: true });
    out[kind] = {
      save: median(x.saves), ready: median(x.ready), loaded: x.loaded.length ? median(x.loaded) : NaN,
      empty: x.empty, fileBytes: x.fileBytes, rss: x.rss,
    };
  }
  return out;
}

/** redis-benchmark writing 100-byte values to `range` random keys under `prefix`: runs until stopped. */
function loadGenerator(p, prefix, range) {
  const args = ['-h', '127.0.0.1', '-p', String(p.port), '-c', '50', '-P', '16', '-n', '100000000', '-r', String(range), '-q',
    'SET', `${prefix}:__rand_int__`, 'v'.repeat(100)];
  const child = spawn('redis-benchmark', args, { stdio: 'ignore' });
  return { stop: () => new Promise((done) => { child.once('close', done); child.kill('SIGTERM'); }) };
}

/** Sends PING every ~1 ms on its own connection; max round trip between reset() and read(). */
async function pinger(p) {
  const c = await RawConnection.connect(p.port);
  let max = 0;
  let samples = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      c.send(['PING']);
      const { frames } = await c.read(1, 60_000);
      if (frames.length !== 1) throw new Error('PING got no reply');
      const rtt = performance.now() - t0;
      max = Math.max(max, rtt);
      samples.push(rtt);
      await sleep(1);
    }
  })();
  return {
    reset: () => { max = 0; samples = []; },
    max: () => max,
    p99: () => [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.99)] ?? 0,
    count: () => samples.length,
    stop: async () => { running = false; await loop; c.close(); },
  };
}

/** Peak RSS of a process while sampling (every 10 ms). */
function rssSampler(pid) {
  let peak = rssBytes(pid) ?? 0;
  const timer = setInterval(() => { peak = Math.max(peak, rssBytes(pid) ?? 0); }, 10);
  return { peak: () => peak, reset: () => { peak = rssBytes(pid) ?? 0; }, stop: () => clearInterval(timer) };
}

const LOOP_ROW = 'longest event-loop stall for the save (ms; LATENCY: redis "fork", cinnabar "bgsave-event-loop")';

/** BGSAVE now; resolves when it is done, with its duration and the INFO persistence after it. */
async function bgsave(p) {
  const t0 = performance.now();
  await call(p, 'BGSAVE');
  let persist;
  do {
    await sleep(20);
    persist = await info(p, 'persistence');
  } while (persist.rdb_bgsave_in_progress === '1');
  if (persist.rdb_last_bgsave_status !== 'ok') throw new Error(`${p.name} BGSAVE failed`);
  return { ms: performance.now() - t0, persist };
}

/**
 * The server's own measure of its longest event-loop stall for a save, from LATENCY LATEST
 * (latency-monitor-threshold 1): Redis's "fork" event, Cinnabar's "bgsave-event-loop" (the
 * longest its loop went unserved while the save ran). 0 when below the 1 ms threshold.
 */
async function loopStallMs(p) {
  const event = p.name === 'redis' ? 'fork' : 'bgsave-event-loop';
  const text = await call(p, 'LATENCY', 'LATEST');
  const m = new RegExp(`\\$${event.length}\r\n${event}\r\n:\\d+\r\n:\\d+\r\n:(\\d+)`).exec(text);
  return m ? Number(m[1]) : 0;
}

/**
 * The longest PING round trip and the RSS growth during a BGSAVE of the idle server; then during
 * a BGSAVE while redis-benchmark SETs new keys, and the PING figures for an equally long window
 * of the same load with no save. Under load, the data written during the save is estimated as
 * the keys added times the dataset's RSS per key; the growth beyond it is the save's own cost.
 */
async function bgsaveUnderLoad(kind, opt) {
  const dir = makeTempDir(`cinnabar-bench-bgsave-${kind}-`);
  const p = await start(kind, dir, { 'latency-monitor-threshold': '1' });
  const rssEmpty = rssBytes(p.pid);
  await call(p, 'DEBUG', 'POPULATE', String(opt.keys), 'key', '100');
  const ping = await pinger(p);
  const mem = rssSampler(p.pid);

  await sleep(300);
  ping.reset();
  mem.reset();
  const idleRss = rssBytes(p.pid);
  await call(p, 'LATENCY', 'RESET');
  const idle = await bgsave(p);
  const idleLoop = await loopStallMs(p);
  const idleGrowth = mem.peak() - idleRss;
  const idleStall = ping.max();
  const idleP99 = ping.p99();
  const idleFork = Number((await info(p, 'stats')).latest_fork_usec);
  const idleCow = Number(idle.persist.rdb_last_cow_size);

  // The keyspace is a JS Map: growing past a power of two rehashes it in one go (~0.3 s at 2^20
  // keys), a stall of its own, not the save's. The load first takes it past that size; at most
  // `keys` new keys then keep it below the next one for the rest of the measurement.
  const gen = loadGenerator(p, 'b', opt.keys);
  const grown = 2 ** Math.ceil(Math.log2(opt.keys + 1));
  const waitUntil = performance.now() + 30_000;
  await sleep(700);
  while (grown < 2 * opt.keys * 0.9 && (await dbsize(p)) < grown * 1.01 && performance.now() < waitUntil) await sleep(100);
  ping.reset();
  mem.reset();
  const rssStart = rssBytes(p.pid);
  const keysStart = Number(await dbsize(p));
  await call(p, 'LATENCY', 'RESET');
  const loaded = await bgsave(p);
  const saveLoop = await loopStallMs(p);
  const saveStall = ping.max();
  const saveP99 = ping.p99();
  const saveGrowth = mem.peak() - rssStart;
  const written = (Number(await dbsize(p)) - keysStart) * ((rssStart - rssEmpty) / keysStart);
  const stats = await info(p, 'stats');
  // The same load, now mostly overwriting, for as long again with no save.
  ping.reset();
  await sleep(loaded.ms);
  const baseStall = ping.max();
  const baseP99 = ping.p99();
  await gen.stop();
  await ping.stop();
  mem.stop();
  await p.stop();
  rmSync(dir, { recursive: true, force: true });
  return {
    idleMs: idle.ms, idleLoop, saveLoop, idleStall, idleP99, idleRss, idleGrowth, idlePct: (idleGrowth * 100) / idleRss,
    saveMs: loaded.ms, saveStall, saveP99, baseStall, baseP99, rssStart, saveGrowth, written,
    overheadPct: (Math.max(0, saveGrowth - written) * 100) / rssStart,
    idleForkUs: kind === 'redis' ? idleFork : NaN,
    idleCow: kind === 'redis' ? idleCow : NaN,
    forkUs: kind === 'redis' ? Number(stats.latest_fork_usec) : NaN,
    cowBytes: kind === 'redis' ? Number(loaded.persist.rdb_last_cow_size) : NaN,
  };
}

/**
 * bgsaveUnderLoad `repeat` times per server, taking turns; each figure is the median of its runs
 * (a single save's longest PING is one draw, dominated by whatever the machine did then).
 */
async function bgsaveRuns(opt) {
  const runs = { cinnabar: [], redis: [] };
  for (let i = 0; i < opt.repeat; i++) {
    for (const kind of i % 2 === 0 ? ['cinnabar', 'redis'] : ['redis', 'cinnabar']) runs[kind].push(await bgsaveUnderLoad(kind, opt));
  }
  const medians = (list) => Object.fromEntries(Object.keys(list[0]).map((k) => [k, median(list.map((x) => x[k]))]));
  return { cinnabar: medians(runs.cinnabar), redis: medians(runs.redis) };
}

/**
 * redis-benchmark SET throughput with appendonly no, then yes with everysec, on fresh servers
 * taking turns between the two kinds; medians of `repeat`.
 */
async function aofThroughput(opt) {
  const rps = { cinnabar: { off: [], everysec: [] }, redis: { off: [], everysec: [] } };
  for (let i = 0; i < opt.repeat; i++) {
    for (const mode of ['off', 'everysec']) {
      for (const kind of i % 2 === 0 ? ['cinnabar', 'redis'] : ['redis', 'cinnabar']) {
        const dir = makeTempDir(`cinnabar-bench-aof-${kind}-`);
        const p = await start(kind, dir, mode === 'off' ? {} : { appendonly: 'yes', appendfsync: 'everysec' });
        const run = (requests) => runBenchmark(p, { test: 'set', pipeline: 16, requests, clients: 50, timeoutMs: 300_000 });
        await run(200_000);
        const r = await run(opt.requests);
        if ('error' in r) throw new Error(`${kind} SET: ${r.error}`);
        rps[kind][mode].push(r.rps);
        await p.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  const of = (kind) => {
    const off = median(rps[kind].off);
    const everysec = median(rps[kind].everysec);
    return { off, everysec, ratio: everysec / off };
  };
  return { cinnabar: of('cinnabar'), redis: of('redis') };
}

const fmtMs = (n) => (Number.isFinite(n) ? n.toFixed(n < 100 ? 1 : 0) : '-');
const fmtMb = (n) => (Number.isFinite(n) ? (n / 1048576).toFixed(1) : '-');
const fmtX = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : '-');
const thousands = (n) => Math.round(n).toLocaleString('en-US');

function printRows(title, rows) {
  const widths = [54, 12, 12, 7, 10];
  const line = (cells) => cells.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(['figure', 'cinnabar', 'redis', 'ratio', 'target']));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
}

async function main() {
  const opt = options();
  const cleanup = () => {
    for (const p of live) p.killNow('SIGKILL');
  };
  process.once('exit', cleanup);
  for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => { cleanup(); process.exit(130); });
  const redisVersion = execFileSync('redis-server', ['--version'], { encoding: 'utf8' }).trim().split(' ').slice(0, 3).join(' ');
  console.log(`bench:persistence: ${thousands(opt.keys)} keys of 100 bytes, median of ${opt.repeat}; node ${process.version}; ${redisVersion}`);

  if (opt.only.has('save') || opt.only.has('load')) {
    const { cinnabar: c, redis: r } = await saveAndLoad(opt);
    printRows('RDB SAVE and startup load', [
      ['SAVE, client-measured (ms)', fmtMs(c.save), fmtMs(r.save), fmtX(c.save, r.save), '<= 1.50'],
      ['startup: process start to ready (ms)', fmtMs(c.ready), fmtMs(r.ready), fmtX(c.ready, r.ready), '<= 1.50'],
      ['  of which "DB loaded from disk" (ms)', fmtMs(c.loaded), fmtMs(r.loaded), fmtX(c.loaded, r.loaded), '<= 1.50'],
      ['  empty-dataset startup, for reference (ms)', fmtMs(c.empty), fmtMs(r.empty), fmtX(c.empty, r.empty), ''],
      ['dump.rdb size (MB)', fmtMb(c.fileBytes), fmtMb(r.fileBytes), fmtX(c.fileBytes, r.fileBytes), ''],
      ['RSS with the dataset (MB)', fmtMb(c.rss), fmtMb(r.rss), fmtX(c.rss, r.rss), ''],
    ]);
  }

  if (opt.only.has('bgsave')) {
    const { cinnabar: c, redis: r } = await bgsaveRuns(opt);
    printRows('BGSAVE of the idle server', [
      ['BGSAVE duration (ms)', fmtMs(c.idleMs), fmtMs(r.idleMs), fmtX(c.idleMs, r.idleMs), ''],
      [LOOP_ROW, fmtMs(c.idleLoop), fmtMs(r.idleLoop), fmtX(c.idleLoop, r.idleLoop), '<= 10 ms'],
      ['longest PING round trip during the save (ms)', fmtMs(c.idleStall), fmtMs(r.idleStall), fmtX(c.idleStall, r.idleStall), ''],
      ['  p99 PING round trip (ms)', fmtMs(c.idleP99), fmtMs(r.idleP99), fmtX(c.idleP99, r.idleP99), ''],
      ['Redis fork time latest_fork_usec (ms)', '-', fmtMs(r.idleForkUs / 1000), '-', ''],
      ['RSS when the save began (MB)', fmtMb(c.idleRss), fmtMb(r.idleRss), fmtX(c.idleRss, r.idleRss), ''],
      ['RSS growth during the save (MB)', fmtMb(c.idleGrowth), fmtMb(r.idleGrowth), '-', ''],
      ['  ÷ RSS when it began (%)', c.idlePct.toFixed(1), r.idlePct.toFixed(1), '-', '<= 10%'],
      ['Redis child copy-on-write rdb_last_cow_size (MB)', '-', fmtMb(r.idleCow), '-', ''],
    ]);
    printRows(`BGSAVE under redis-benchmark SET -P 16 -c 50 -r ${thousands(opt.keys)} (b:… keys, 100-byte values)`, [
      ['BGSAVE duration (ms)', fmtMs(c.saveMs), fmtMs(r.saveMs), fmtX(c.saveMs, r.saveMs), ''],
      [LOOP_ROW, fmtMs(c.saveLoop), fmtMs(r.saveLoop), fmtX(c.saveLoop, r.saveLoop), '<= 10 ms'],
      ['longest PING round trip during the save (ms)', fmtMs(c.saveStall), fmtMs(r.saveStall), fmtX(c.saveStall, r.saveStall), ''],
      ['  p99 PING round trip (ms)', fmtMs(c.saveP99), fmtMs(r.saveP99), fmtX(c.saveP99, r.saveP99), ''],
      ['  same load after it, no save: longest (ms)', fmtMs(c.baseStall), fmtMs(r.baseStall), fmtX(c.baseStall, r.baseStall), ''],
      ['  same load, no save: p99 (ms)', fmtMs(c.baseP99), fmtMs(r.baseP99), fmtX(c.baseP99, r.baseP99), ''],
      ['Redis fork time latest_fork_usec (ms)', '-', fmtMs(r.forkUs / 1000), '-', ''],
      ['RSS when the save began (MB)', fmtMb(c.rssStart), fmtMb(r.rssStart), fmtX(c.rssStart, r.rssStart), ''],
      ['RSS growth during the save (MB)', fmtMb(c.saveGrowth), fmtMb(r.saveGrowth), '-', ''],
      ['  data written meanwhile: new keys × RSS per key (MB)', fmtMb(c.written), fmtMb(r.written), '-', ''],
      ['  growth beyond it ÷ RSS when the save began (%)', c.overheadPct.toFixed(1), r.overheadPct.toFixed(1), '-', '<= 10%'],
      ['Redis child copy-on-write rdb_last_cow_size (MB)', '-', fmtMb(r.cowBytes), '-', ''],
    ]);
  }

  if (opt.only.has('aof')) {
    const { cinnabar: c, redis: r } = await aofThroughput(opt);
    printRows(`AOF: redis-benchmark SET -P 16 -c 50 -n ${thousands(opt.requests)} (requests/s)`, [
      ['no persistence', thousands(c.off), thousands(r.off), fmtX(c.off, r.off), ''],
      ['appendonly yes, appendfsync everysec', thousands(c.everysec), thousands(r.everysec), fmtX(c.everysec, r.everysec), ''],
      ['everysec ÷ no persistence', c.ratio.toFixed(2), r.ratio.toFixed(2), '-', '>= 0.80'],
    ]);
  }
  console.log('\nratio = Cinnabar ÷ Redis; PING round trip: one PING every ~1 ms on its own connection.');
}

main()
  .catch((e) => {
    console.error(`bench:persistence failed: ${e instanceof Error ? e.stack : String(e)}`);
    process.exitCode = 1;
  })
  .finally(() => stopAllServers());
