// Proves the background-job stand-in: it is a child of the server, killing it while a job is
// attached reports the signal to that job (and only then), and a replacement takes its place.
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { JobProcess } from './job-process.js';

/** This process's children, from /proc (no dependency on procps being installed). */
const children = (): number[] => {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid) out.push(Number(name));
    } catch {
      /* the process ended meanwhile */
    }
  }
  return out;
};

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !cond(); i++) await new Promise((r) => setTimeout(r, 20));
}

let jobs: JobProcess | null = null;
afterEach(() => jobs?.stop());

describe('JobProcess', () => {
  it('is found as a child, reports a kill to the attached job, and is replaced', async () => {
    jobs = new JobProcess();
    jobs.start();
    const first = jobs.pid;
    expect(first).not.toBe(process.pid);
    expect(children()).toContain(first);
    const signals: string[] = [];
    expect(jobs.attach((s) => signals.push(s))).toBe(first);
    expect(jobs.started).toBe(1);
    process.kill(first, 'SIGKILL');
    await until(() => signals.length > 0 && jobs?.pid !== first);
    expect(signals).toEqual(['SIGKILL']);
    expect(jobs.pid).not.toBe(first);
    expect(children()).toContain(jobs.pid);
  });

  it('reports nothing once the job has detached', async () => {
    jobs = new JobProcess();
    jobs.start();
    const signals: string[] = [];
    const pid = jobs.attach((s) => signals.push(s));
    jobs.detach();
    process.kill(pid, 'SIGKILL');
    await until(() => jobs?.pid !== pid);
    expect(jobs.pid).not.toBe(pid);
    expect(signals).toEqual([]);
  });
});
