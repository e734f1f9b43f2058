// The bench's CPU pinning: a plan keeps the servers' CPU out of redis-benchmark's list, and a
// pinned process really runs on the CPU it was given (read back from /proc).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { onCpus, pinPlan, pinProcess } from './cpu-pinning.mjs';

function allowedCpus(pid: number): string {
  const m = /Cpus_allowed_list:\s*(\S+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m?.[1] ?? '';
}

describe('bench CPU pinning', () => {
  it('wraps a command in taskset only when given CPUs', () => {
    expect(onCpus(undefined, 'redis-benchmark', ['-q'])).toEqual({ command: 'redis-benchmark', args: ['-q'] });
    expect(onCpus('0', 'redis-benchmark', ['-q'])).toEqual({ command: 'taskset', args: ['-c', '0', 'redis-benchmark', '-q'] });
  });

  it('has no plan with --pin none', () => {
    expect(pinPlan('none')).toBeNull();
  });

  it('gives the server the last CPU and the client the others, and pins a live process', async () => {
    const plan = pinPlan('auto');
    if (availableParallelism() < 2) {
      expect(plan).toBeNull();
      return;
    }
    expect(plan).not.toBeNull();
    const { server, client } = plan as { server: string; client: string };
    expect(server).toBe(String(availableParallelism() - 1));
    expect(client.startsWith('0')).toBe(true);
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], { stdio: 'ignore' });
    try {
      await new Promise((done) => child.once('spawn', done));
      pinProcess(child.pid as number, server);
      expect(allowedCpus(child.pid as number)).toBe(server);
    } finally {
      child.kill();
    }
  });
});
