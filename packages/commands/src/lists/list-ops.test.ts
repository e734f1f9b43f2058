// The list commands add to the dirty counter (rdb_changes_since_last_save) exactly as
// Redis 7.0 does: one per element pushed, popped, trimmed or removed, one per LSET/LINSERT/LMOVE.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('list writes and the dirty counter', () => {
  it('counts per element as Redis does, 0 for no-op trims and removals', () => {
    const h = new Harness();
    const c = h.client();
    const steps: [(string | number)[], number][] = [
      [['RPUSH', 'l', 'a', 'b', 'c', 'd', 'e', 'f'], 6],
      [['LPUSH', 'l', 'x', 'y'], 2],
      [['LPOP', 'l', 2], 2],
      [['RPOP', 'l'], 1],
      [['LTRIM', 'l', 0, 100], 0],
      [['LTRIM', 'l', 1, -2], 2],
      [['LREM', 'l', 0, 'zz'], 0],
      [['RPUSH', 'l', 'c', 'c'], 2],
      [['LREM', 'l', 0, 'c'], 3],
      [['LINSERT', 'l', 'BEFORE', 'd', 'q'], 1],
      [['LSET', 'l', 0, 'z'], 1],
      [['LMOVE', 'l', 'l2', 'LEFT', 'LEFT'], 1],
      [['LMPOP', 1, 'l', 'RIGHT', 'COUNT', 10], 2],
      [['LPUSHX', 'nokey', 'a'], 0],
    ];
    for (const [cmd, delta] of steps) {
      const before = h.keyspace.stats.dirty;
      c.call(...cmd);
      expect([cmd.join(' '), h.keyspace.stats.dirty - before]).toEqual([cmd.join(' '), delta]);
    }
  });
});
