#!/usr/bin/env node
// `npm run bench`: redis-benchmark against Cinnabar and redis-server side by side in one run,
// alternating between them, and a table of throughput, latency and server CPU per request
// with the ratio Cinnabar ÷ Redis. Run with --help for the options.

import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { pinPlan, pinProcess } from './cpu-pinning.mjs';
import { runBenchmark } from './redis-benchmark.mjs';
import { installCleanup, startServer, stopAll } from './server-process.mjs';
import { median, pairedRatio } from './stats.mjs';
import { printTable } from './table.mjs';

/**
 * redis-benchmark -t names measured by default. Any other -t name works with --tests.
 * lrange_100 also runs the LPUSH that fills its list: CPU per request counts both.
 */
export const DEFAULT_TESTS = [
  'set', 'get', 'incr', 'mset',
  // the data types (issue 3)
  'lpush', 'rpush', 'lpop', 'rpop', 'sadd', 'hset', 'spop', 'zadd', 'zpopmin', 'lrange_100',
];

const HELP = `usage: node tools/bench/bench.mjs [options]
  --tests a,b        redis-benchmark -t names (default ${DEFAULT_TESTS.join(',')})
  --pipelines 1,16   -P values (default 1,16)
  --requests N       requests per run at -P 1 (default 300000)
  --pipelined-requests N
                     requests per run at -P 2 and more (default 2000000: at ~600k requests/s a
                     shorter run is under a second, and CPU ticks of 10 ms make it noisy)
  --clients C        parallel connections (default 50)
  --repeat K         runs per cell, alternating the servers; the table shows the median of each
                     figure, and "paired" the median of the K back-to-back CPU ratios (default 3)
  --warmup N         requests of each test and pipeline sent to each server first, unmeasured
                     (default 100000: Cinnabar's JIT settles, and its compile time is not billed)
  --timeout-s S      limit for one redis-benchmark run (default 300)
  --pin auto|on|none each server (all threads) on the last CPU, redis-benchmark on the others;
                     auto pins when taskset exists and there are 2+ CPUs (default auto)`;

function options() {
  const { values } = parseArgs({
    options: {
      tests: { type: 'string', default: DEFAULT_TESTS.join(',') },
      pipelines: { type: 'string', default: '1,16' },
      requests: { type: 'string', default: '300000' },
      'pipelined-requests': { type: 'string', default: '2000000' },
      clients: { type: 'string', default: '50' },
      repeat: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '100000' },
      'timeout-s': { type: 'string', default: '300' },
      pin: { type: 'string', default: 'auto' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const count = (name) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
    return n;
  };
  return {
    tests: values.tests.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean),
    pipelines: values.pipelines.split(',').map(Number),
    requests: count('requests'),
    pipelinedRequests: count('pipelined-requests'),
    clients: count('clients'),
    repeat: Math.max(1, count('repeat')),
    warmup: count('warmup'),
    timeoutMs: count('timeout-s') * 1000,
    pin: pinPlan(values.pin),
  };
}

/** Median of each figure over the repeats, or the first error reply if any run got one. */
function summarize(runs) {
  const failed = runs.find((r) => 'error' in r);
  if (failed) return failed;
  const of = (k) => median(runs.map((r) => r[k]));
  return { rps: of('rps'), p50: of('p50'), p99: of('p99'), cpuUsPerRequest: of('cpuUsPerRequest'), rows: runs[0].rows };
}

/** CPU per request, Cinnabar ÷ Redis, paired run by run (NaN when a run failed). */
function cpuPaired(runs) {
  if ([...runs.cinnabar, ...runs.redis].some((r) => 'error' in r)) return NaN;
  return pairedRatio(runs.cinnabar.map((r) => r.cpuUsPerRequest), runs.redis.map((r) => r.cpuUsPerRequest));
}

async function main() {
  const opt = options();
  installCleanup();
  const redisVersion = execFileSync('redis-server', ['--version'], { encoding: 'utf8' }).trim();
  console.log(`bench: ${opt.tests.join(',')} at -P ${opt.pipelines.join(',')}, -c ${opt.clients}, ` +
    `-n ${opt.requests} (${opt.pipelinedRequests} pipelined), ` +
    `median of ${opt.repeat}; node ${process.version}; ${redisVersion.split(' ').slice(0, 3).join(' ')}`);

  const cinnabar = await startServer('cinnabar');
  const redis = await startServer('redis');
  console.log(`cinnabar pid ${cinnabar.pid} port ${cinnabar.port}; redis pid ${redis.pid} port ${redis.port}`);
  if (opt.pin) {
    for (const s of [cinnabar, redis]) pinProcess(s.pid, opt.pin.server);
    console.log(`pinned: both servers on CPU ${opt.pin.server}, redis-benchmark on CPU ${opt.pin.client}`);
  } else {
    console.log('not pinned (--pin none, or no taskset / a single CPU): CPU figures are noisier');
  }
  const servers = [cinnabar, redis];

  const run = (server, test, pipeline, requests) => {
    if (!server.alive) throw new Error(`${server.name} exited\n${server.describe()}`);
    return runBenchmark(server, { test, pipeline, requests, clients: opt.clients, timeoutMs: opt.timeoutMs, cpus: opt.pin?.client });
  };

  const results = [];
  for (const test of opt.tests) {
    for (const pipeline of opt.pipelines) {
      // JIT warm-up for Cinnabar at this very pipeline depth; done for both so each server
      // sees the same history.
      if (opt.warmup > 0) for (const s of servers) await run(s, test, pipeline, opt.warmup);
      const runs = { cinnabar: [], redis: [] };
      for (let k = 0; k < opt.repeat; k++) {
        // Alternate which server goes first so neither always runs on a warmer machine.
        const order = k % 2 === 0 ? servers : [redis, cinnabar];
        const requests = pipeline > 1 ? opt.pipelinedRequests : opt.requests;
        for (const s of order) runs[s.name].push(await run(s, test, pipeline, requests));
      }
      const row = { test, pipeline, cinnabar: summarize(runs.cinnabar), redis: summarize(runs.redis), cpuPaired: cpuPaired(runs) };
      results.push(row);
      process.stderr.write(`  done ${test} -P ${pipeline}\n`);
    }
  }
  printTable(results);
}

main()
  .catch((e) => {
    console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
