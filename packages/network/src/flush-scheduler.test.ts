// FlushScheduler: every client's output of a turn leaves together once the turn's reads are
// done, and background slices queued with afterReplies run after those replies, even when
// queued before them.
import { describe, expect, it } from 'vitest';
import { FlushScheduler } from './flush-scheduler.js';

const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('FlushScheduler', () => {
  it('flushes what was added in this turn once, at the end of the turn', async () => {
    const f = new FlushScheduler();
    const log: string[] = [];
    f.add({ flush: () => log.push('a') });
    f.add({ flush: () => log.push('b') });
    expect(log).toEqual([]);
    await nextTurn();
    expect(log).toEqual(['a', 'b']);
    await nextTurn();
    expect(log).toEqual(['a', 'b']);
  });

  it('runs a background task after the replies of its turn, whatever the order they were queued in', async () => {
    const f = new FlushScheduler();
    const log: string[] = [];
    f.afterReplies(() => log.push('slice'));
    f.add({ flush: () => log.push('reply 1') });
    f.add({ flush: () => log.push('reply 2') });
    await nextTurn();
    expect(log).toEqual(['reply 1', 'reply 2', 'slice']);
  });

  it('a task queued by a task runs in a later turn, after that turn\'s replies', async () => {
    const f = new FlushScheduler();
    const log: string[] = [];
    let slices = 0;
    const slice = (): void => {
      log.push(`slice ${++slices}`);
      if (slices < 2) f.afterReplies(slice);
    };
    f.afterReplies(slice);
    await nextTurn();
    f.add({ flush: () => log.push('reply') });
    await nextTurn();
    expect(log).toEqual(['slice 1', 'reply', 'slice 2']);
  });
});
