// SORT_RO sorts exactly as SORT does but knows no STORE (a syntax error), is a read-only
// command, and declares only the sorted key.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('SORT_RO', () => {
  it('sorts with BY, GET, LIMIT, ALPHA and DESC as SORT does', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a', 'c', 'b');
    c.call('MSET', 'w_a', '3', 'w_b', '1', 'w_c', '2', 'x:a', '100');
    expect(c.call('SORT_RO', 'l', 'BY', 'w_*', 'GET', '#', 'GET', 'w_*')).toEqual(['b', '1', 'c', '2', 'a', '3']);
    expect(c.call('SORT_RO', 'l', 'ALPHA', 'DESC', 'LIMIT', 1, 5)).toEqual(['b', 'a']);
    expect(c.call('SORT_RO', 'l', 'BY', 'nosort', 'GET', 'x:*')).toEqual(['100', null, null]);
  });

  it('refuses STORE as a syntax error, before looking at the key', () => {
    const c = new Harness().client();
    c.call('SET', 'str', 'v');
    expect(c.call('SORT_RO', 'foolist', 'STORE', 'bar')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('SORT_RO', 'str', 'STORE', 'bar')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('EXISTS', 'bar')).toBe(0);
    expect(c.call('SORT_RO', 'str')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('is a read-only command that declares only the sorted key', () => {
    const c = new Harness().client();
    expect(c.call('COMMAND', 'GETKEYS', 'SORT_RO', 'abc', 'STORE', 'x')).toEqual(['abc']);
    const info = (c.call('COMMAND', 'INFO', 'SORT_RO') as unknown[][])[0] as unknown[];
    expect(info.slice(0, 6)).toEqual(['sort_ro', -2, [{ simple: 'readonly' }, { simple: 'movablekeys' }], 1, 1, 1]);
    expect(c.call('SORT_RO')).toEqual({ error: "ERR wrong number of arguments for 'sort_ro' command" });
  });
});
