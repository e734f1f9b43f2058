#!/usr/bin/env node
// `npm run fuzz`: starts a Cinnabar server and throws seeded random frames at it over many
// parallel connections; exits non-zero if the server crashes, stops answering PING, or its
// RSS passes the bound. Prints the seed so a failing run can be replayed with --seed.

import { parseArgs } from 'node:util';
import { installCleanup, startServer, stopAll } from '../bench/server-process.mjs';
import { runFuzz } from './run.mjs';

const HELP = `usage: node tools/fuzz/fuzz.mjs [options]
  --frames N        frames to send (default 1000000)
  --seed S          PRNG seed, 0..2^32-1 (default: random, printed)
  --connections C   parallel connections (default 16)
  --batch N         frames between health checks (default 20000)
  --max-rss-mb M    RSS bound for the server (default 1024)
  --target T        cinnabar | redis (redis-server itself, to calibrate the fuzzer; default cinnabar)`;

function options() {
  const { values } = parseArgs({
    options: {
      frames: { type: 'string', default: '1000000' },
      seed: { type: 'string' },
      connections: { type: 'string', default: '16' },
      batch: { type: 'string', default: '20000' },
      'max-rss-mb': { type: 'string', default: '1024' },
      target: { type: 'string', default: 'cinnabar' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 32) : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) throw new Error('--seed must be an integer in 0..2^32-1');
  if (!['cinnabar', 'redis'].includes(values.target)) throw new Error('--target must be cinnabar or redis');
  return {
    target: values.target,
    frames: Number(values.frames), seed, connections: Number(values.connections),
    batchFrames: Number(values.batch), maxRssBytes: Number(values['max-rss-mb']) * 1024 * 1024,
  };
}

const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;

async function main() {
  const opt = options();
  installCleanup();
  const server = await startServer(opt.target);
  console.log(`fuzz: seed ${opt.seed}, ${opt.frames} frames, ${opt.connections} connections, ` +
    `${opt.target} pid ${server.pid} port ${server.port} (replay: --seed ${opt.seed})`);
  let lastReport = 0;
  const stats = await runFuzz({
    ...opt,
    port: server.port,
    pid: server.pid,
    isAlive: () => server.alive,
    onBatch: (s) => {
      if (s.elapsedMs - lastReport < 10_000 && !s.failure) return;
      lastReport = s.elapsedMs;
      process.stderr.write(`  ${s.framesSent} frames, ${s.errorReplies} error replies, RSS max ${mb(s.rssMax)}, ${(s.elapsedMs / 1000).toFixed(0)} s\n`);
    },
  });

  const crashed = stats.failure?.kind === 'crash' ? 1 : 0;
  console.log(`frames sent      ${stats.framesSent} (${mb(stats.bytesSent)} in ${stats.sessions} connections, ${(stats.elapsedMs / 1000).toFixed(1)} s)`);
  console.log(`frame kinds      ${Object.entries(stats.byKind).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`replies          ${stats.replies}, of which errors ${stats.errorReplies} (protocol errors ${stats.protocolErrors})`);
  console.log(`sessions         unparsable replies ${stats.unparsedSessions}, not closed within 5 s of EOF ${stats.stuckSessions}`);
  console.log(`crashes          ${crashed}`);
  console.log(`RSS              min ${mb(stats.rssMin)}, max ${mb(stats.rssMax)} (bound ${mb(opt.maxRssBytes)})`);
  console.log('most frequent errors:');
  for (const [shape, n] of [...stats.errorKinds].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${String(n).padStart(8)}  ${shape}`);
  for (const text of stats.leaked) console.log(`leaked exception: ${text}`);
  for (const text of stats.unparsedSamples) console.log(`unparsable reply: ${text}`);
  if (stats.failure) {
    console.log(`FAILED (${stats.failure.kind}): ${stats.failure.detail}; seed ${opt.seed}`);
    if (stats.failure.kind === 'crash') console.log(server.describe().slice(-4000));
    process.exitCode = 1;
  } else if (stats.leaked.length > 0) {
    console.log(`FAILED: JS exceptions leaked into replies; seed ${opt.seed}`);
    process.exitCode = 1;
  } else if (stats.unparsedSessions > 0) {
    console.log(`FAILED: replies that are not RESP; seed ${opt.seed}`);
    process.exitCode = 1;
  } else {
    console.log('OK: server alive, answering PING, memory bounded');
  }
}

main()
  .catch((e) => {
    console.error(`fuzz failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
