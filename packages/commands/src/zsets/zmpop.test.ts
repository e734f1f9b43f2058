// ZMPOP pops from the first non-empty key: [key, [[member, score]…]], null when none, with
// numkeys, MIN|MAX and COUNT errors as Redis.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZMPOP', () => {
  it('pops from the first existing key', () => {
    const c = new Harness().client();
    c.call('ZADD', 'b', '1', 'x', '2', 'y', '3', 'z');
    expect(c.call('ZMPOP', '2', 'a', 'b', 'MIN')).toEqual(['b', [['x', '1']]]);
    expect(c.call('ZMPOP', '2', 'a', 'b', 'max', 'COUNT', '10')).toEqual(['b', [['z', '3'], ['y', '2']]]);
    expect(c.call('EXISTS', 'b')).toBe(0);
    expect(c.call('ZMPOP', '2', 'a', 'b', 'MIN')).toBeNull();
  });

  it('refuses bad numkeys, direction and count', () => {
    const c = new Harness().client();
    expect(c.call('ZMPOP', '0', 'a', 'MIN')).toEqual({ error: 'ERR numkeys should be greater than 0' });
    expect(c.call('ZMPOP', '2', 'a', 'MIN')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('ZMPOP', '1', 'a', 'LEFT')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('ZMPOP', '1', 'a', 'MIN', 'COUNT', '0')).toEqual({ error: 'ERR count should be greater than 0' });
    expect(c.call('ZMPOP', '1', 'a', 'MIN', 'COUNT', '1', 'COUNT', '2')).toEqual({ error: 'ERR syntax error' });
    c.call('SET', 's', 'v');
    expect(c.call('ZMPOP', '1', 's', 'MIN')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('reports its keys to COMMAND GETKEYS', () => {
    const c = new Harness().client();
    expect(c.call('COMMAND', 'GETKEYS', 'ZMPOP', '2', 'a', 'b', 'MIN')).toEqual(['a', 'b']);
  });
});
