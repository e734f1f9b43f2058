// Proves the compiled server survives a seeded 20,000-frame fuzz sample (alive, answering PING,
// RSS bounded, no JS exception text in replies) and that the frame generator is reproducible.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagedProcess } from '@cinnabar/testing';
import { ping, rssBytes, startServer } from '../bench/server-process.mjs';
import { createFrameGenerator, FRAME_KINDS } from './frames.mjs';
import { runFuzz } from './run.mjs';

const SEED = 20_240_601;
const MAX_RSS_BYTES = 1024 ** 3;

describe('frame generator', () => {
  it('gives the same frames for the same seed and different ones for another seed', () => {
    const take = (seed: number): string[] => {
      const g = createFrameGenerator(seed);
      return Array.from({ length: 2000 }, () => g.next().bytes);
    };
    expect(take(SEED)).toEqual(take(SEED));
    expect(take(SEED + 1)).not.toEqual(take(SEED));
  });

  it('produces every kind of frame within the sample size', () => {
    const g = createFrameGenerator(SEED);
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(g.next().kind);
    expect([...seen].sort()).toEqual([...FRAME_KINDS].sort());
  });
});

describe('fuzz sample against the compiled server', () => {
  let server: ManagedProcess;

  beforeAll(async () => {
    server = await startServer('cinnabar', { viaNode: true });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('stays alive, answers PING within 2 s and keeps RSS under 1 GB through 20,000 frames', async () => {
    const stats = await runFuzz({
      port: server.port,
      pid: server.pid,
      isAlive: () => server.alive,
      frames: 20_000,
      seed: SEED,
      connections: 16,
      batchFrames: 5000,
      maxRssBytes: MAX_RSS_BYTES,
    });
    expect(stats.failure).toBeNull();
    expect(stats.framesSent).toBe(20_000);
    expect(stats.batches).toBe(4);
    expect(stats.leaked).toEqual([]);
    expect(stats.unparsedSamples).toEqual([]);
    expect(stats.rssMax).toBeLessThan(MAX_RSS_BYTES);
    expect(server.alive).toBe(true);
    expect(await ping(server.port, 2000)).toBe(true);
    expect(rssBytes(server.pid)).toBeLessThan(MAX_RSS_BYTES);
  }, 60_000);
});
