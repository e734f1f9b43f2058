// Runs one redis-benchmark test against one server and measures the server's CPU time
// over the run (utime+stime from /proc/PID/stat). Parses Redis 7.0's --csv output.

import { spawn } from 'node:child_process';
import { onCpus } from './cpu-pinning.mjs';
import { clockTicksPerSecond, cpuTicks } from './server-process.mjs';

/**
 * `cpus` (a taskset list) runs redis-benchmark on those CPUs only.
 * @returns {Promise<{rps:number,p50:number,p99:number,cpuUsPerRequest:number,wallMs:number,
 *   rows:string[]} | {error:string}>}
 */
export async function runBenchmark(server, { test, pipeline, requests, clients, timeoutMs, cpus }) {
  const args = ['-h', '127.0.0.1', '-p', String(server.port), '-t', test, '-c', String(clients),
    '-P', String(pipeline), '-n', String(requests), '--csv'];
  const ticksBefore = cpuTicks(server.pid);
  const started = performance.now();
  const cmd = onCpus(cpus, 'redis-benchmark', args);
  const { stdout, stderr, code, timedOut } = await run(cmd.command, cmd.args, timeoutMs);
  const wallMs = performance.now() - started;
  const ticks = cpuTicks(server.pid) - ticksBefore;
  if (timedOut) throw new Error(`redis-benchmark ${test} -P ${pipeline} against ${server.name} exceeded ${timeoutMs} ms`);
  // redis-benchmark exits 1 at the first error reply ("Error from server: ..."): that is a
  // result (the server lacks the command or rejects it), not a failure of the tool.
  const refused = /^Error from server: (.*)$/m.exec(stderr);
  if (refused) return { error: refused[1] };
  if (code !== 0) throw new Error(`redis-benchmark exited ${code} against ${server.name}: ${stderr.trim()}`);

  const rows = parseCsv(stdout);
  // A test's own row is the one named after it; others (e.g. the LPUSH that fills the list
  // for LRANGE_100) are extra runs whose requests the server also served.
  const own = rows.find((r) => r.test.split(' ')[0] === test.toUpperCase());
  if (!own) throw new Error(`no ${test.toUpperCase()} row in redis-benchmark output:\n${stdout}`);
  const servedRequests = requests * rows.length;
  return {
    rps: Number(own.rps),
    p50: Number(own.p50_latency_ms),
    p99: Number(own.p99_latency_ms),
    cpuUsPerRequest: (ticks * 1e6) / clockTicksPerSecond() / servedRequests,
    wallMs,
    rows: rows.map((r) => r.test),
  };
}

/** "test","rps",... header then one quoted row per test. */
export function parseCsv(text) {
  const lines = text.split(/\r?\n/).filter((l) => l.startsWith('"'));
  const cells = (line) => line.slice(1, -1).split('","');
  const [header, ...body] = lines;
  if (!header) return [];
  const names = cells(header);
  return body.map((line) => Object.fromEntries(cells(line).map((v, i) => [names[i], v])));
}

function run(command, args, timeoutMs) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      done({ stdout, stderr, code, timedOut });
    });
  });
}
