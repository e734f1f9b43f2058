// HEXISTS answers 1 for a present field, 0 otherwise.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('HEXISTS', () => {
  it('answers 1 or 0 in both encodings and 0 for a missing key', () => {
    const c = new Harness({ config: { 'hash-max-listpack-entries': '1' } }).client();
    c.call('HSET', 'small', 'a', '1');
    c.call('HSET', 'big', 'a', '1', 'b', '2');
    for (const k of ['small', 'big']) {
      expect(c.call('HEXISTS', k, 'a')).toBe(1);
      expect(c.call('HEXISTS', k, 'nokey')).toBe(0);
    }
    expect(c.call('HEXISTS', 'nokey', 'a')).toBe(0);
  });

  it('answers WRONGTYPE against another type and checks arity', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'v');
    expect(c.call('HEXISTS', 's', 'a')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('HEXISTS', 's')).toEqual({ error: "ERR wrong number of arguments for 'hexists' command" });
  });
});
