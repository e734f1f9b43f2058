import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { withParallelScavenge } from './parallel-scavenge.js';

function recorder(startedWith: string[]): { startedWith: string[]; calls: string[]; set(flag: string): void } {
  const calls: string[] = [];
  return { startedWith, calls, set: (flag) => calls.push(flag) };
}

describe('withParallelScavenge', () => {
  it('turns parallel scavenges on for the work and back off after it', async () => {
    const flags = recorder(['--max-semi-space-size=2', '--no-parallel-scavenge']);
    const seen: string[][] = [];
    const result = await withParallelScavenge(async () => {
      seen.push([...flags.calls]);
      return 42;
    }, flags);
    expect(result).toBe(42);
    expect(seen).toEqual([['--parallel-scavenge']]);
    expect(flags.calls).toEqual(['--parallel-scavenge', '--no-parallel-scavenge']);
  });

  it('restores the flag when the work fails', async () => {
    const flags = recorder(['--no-parallel-scavenge']);
    await expect(withParallelScavenge(() => Promise.reject(new Error('corrupt')), flags)).rejects.toThrow('corrupt');
    expect(flags.calls).toEqual(['--parallel-scavenge', '--no-parallel-scavenge']);
  });

  it('leaves the flags alone when the process runs with V8\'s default or turned it back on', async () => {
    for (const startedWith of [[], ['--no-parallel-scavenge', '--parallel-scavenge']]) {
      const flags = recorder(startedWith);
      expect(await withParallelScavenge(async () => 'loaded', flags)).toBe('loaded');
      expect(flags.calls).toEqual([]);
    }
  });

  it('changes the real flag in this process', async () => {
    // Both spellings must be accepted after start-up (Node leaves V8's flags unfrozen); a frozen
    // flag would abort the process.
    const flags = { startedWith: ['--no-parallel-scavenge'], set: setFlagsFromString };
    await expect(withParallelScavenge(async () => 'ok', flags)).resolves.toBe('ok');
  });
});
