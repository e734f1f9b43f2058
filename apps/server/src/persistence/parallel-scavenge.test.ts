import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { ParallelScavenge } from './parallel-scavenge.js';

function recorder(startedWith: string[]): { startedWith: string[]; calls: string[]; set(flag: string): void } {
  const calls: string[] = [];
  return { startedWith, calls, set: (flag) => calls.push(flag) };
}

describe('ParallelScavenge', () => {
  it('turns parallel scavenges on for the work and back off after it', async () => {
    const flags = recorder(['--max-semi-space-size=2', '--no-parallel-scavenge']);
    const seen: string[][] = [];
    const result = await new ParallelScavenge(flags).during(async () => {
      seen.push([...flags.calls]);
      return 42;
    });
    expect(result).toBe(42);
    expect(seen).toEqual([['--parallel-scavenge']]);
    expect(flags.calls).toEqual(['--parallel-scavenge', '--no-parallel-scavenge']);
  });

  it('restores the flag when the work fails', async () => {
    const flags = recorder(['--no-parallel-scavenge']);
    await expect(new ParallelScavenge(flags).during(() => Promise.reject(new Error('corrupt')))).rejects.toThrow('corrupt');
    expect(flags.calls).toEqual(['--parallel-scavenge', '--no-parallel-scavenge']);
  });

  it('keeps them on until the last holder lets go, and a second release does nothing', () => {
    const flags = recorder(['--no-parallel-scavenge']);
    const gc = new ParallelScavenge(flags);
    const a = gc.hold();
    const b = gc.hold();
    a();
    a();
    expect(flags.calls).toEqual(['--parallel-scavenge']);
    b();
    expect(flags.calls).toEqual(['--parallel-scavenge', '--no-parallel-scavenge']);
    gc.hold();
    expect(flags.calls).toEqual(['--parallel-scavenge', '--no-parallel-scavenge', '--parallel-scavenge']);
  });

  it('leaves the flags alone when the process runs with V8\'s default or turned it back on', async () => {
    for (const startedWith of [[], ['--no-parallel-scavenge', '--parallel-scavenge']]) {
      const flags = recorder(startedWith);
      const gc = new ParallelScavenge(flags);
      expect(await gc.during(async () => 'loaded')).toBe('loaded');
      gc.hold()();
      expect(flags.calls).toEqual([]);
    }
  });

  it('changes the real flag in this process', async () => {
    // Both spellings must be accepted after start-up (Node leaves V8's flags unfrozen); a frozen
    // flag would abort the process.
    const gc = new ParallelScavenge({ startedWith: ['--no-parallel-scavenge'], set: setFlagsFromString });
    await expect(gc.during(async () => 'ok')).resolves.toBe('ok');
  });
});
