// CPU pinning for the side-by-side bench. On a 2-core machine redis-benchmark uses about a
// core; left to the scheduler it sometimes shares the server's core, and then *both* servers'
// CPU per request jumps 30-50 % for that run (measured: redis-server SET -P16 1.16 vs 1.79
// µs/request in back-to-back runs). Pinning each server (all its threads) to one CPU and
// redis-benchmark to the others removes that mode switch for both servers alike.

import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** {server, client} CPU lists for taskset, or null when there is nothing to pin with. */
export function pinPlan(mode) {
  if (mode === 'none') return null;
  const cpus = availableParallelism();
  if (cpus < 2 || !hasTaskset()) {
    if (mode === 'on') throw new Error('--pin on needs taskset and at least 2 CPUs');
    return null;
  }
  const last = cpus - 1;
  return { server: String(last), client: last === 1 ? '0' : `0-${last - 1}` };
}

function hasTaskset() {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Pin every thread of a running process to `cpus` (threads it starts later inherit it). */
export function pinProcess(pid, cpus) {
  execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
}

/** The command and arguments that run `command args` on `cpus`, or unchanged without a plan. */
export function onCpus(cpus, command, args) {
  return cpus === undefined ? { command, args } : { command: 'taskset', args: ['-c', cpus, command, ...args] };
}
