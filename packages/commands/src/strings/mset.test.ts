// MSET writes every pair (clearing TTLs, one set event per key) or refuses an odd argument count.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('MSET', () => {
  it('writes all pairs, later pairs winning for a repeated key', () => {
    const c = new Harness().client();
    expect(c.call('MSET', 'x', '10', 'y', 'foo bar', 'z', 'x x\n\r\n', 'x', '11')).toEqual({ simple: 'OK' });
    expect(c.call('MGET', 'x', 'y', 'z')).toEqual(['11', 'foo bar', 'x x\n\r\n']);
  });

  it('clears an existing TTL', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'v', 'EX', 10);
    c.call('MSET', 'k', 'w');
    expect(c.call('TTL', 'k')).toBe(-1);
  });

  it('emits set per key and counts one change per key', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'E$' } });
    const c = h.client();
    const s = h.client();
    s.call('SUBSCRIBE', '__keyevent@0__:set');
    c.call('MSET', 'a', '1', 'b', '2');
    expect(s.drain()).toEqual([['message', '__keyevent@0__:set', 'a'], ['message', '__keyevent@0__:set', 'b']]);
    expect(c.call('INFO', 'persistence') as string).toContain('rdb_changes_since_last_save:2\r\n');
  });

  it('refuses a missing value with the arity error', () => {
    const c = new Harness().client();
    expect(c.call('MSET', 'x', '10', 'y', 'foo', 'z')).toEqual({ error: "ERR wrong number of arguments for 'mset' command" });
    expect(c.call('MSET', 'x')).toEqual({ error: "ERR wrong number of arguments for 'mset' command" });
    expect(c.call('EXISTS', 'x')).toBe(0);
  });
});
