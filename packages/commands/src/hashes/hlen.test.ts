// HLEN answers the number of fields, 0 for a missing key.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('HLEN', () => {
  it('counts fields in both encodings', () => {
    const c = new Harness().client();
    const big: string[] = [];
    for (let i = 0; i < 600; i++) big.push(`f${i}`, `${i}`);
    c.call('HSET', 'big', ...big);
    c.call('HSET', 'small', 'a', '1', 'b', '2');
    expect(c.call('OBJECT', 'ENCODING', 'big')).toBe('hashtable');
    expect(c.call('HLEN', 'big')).toBe(600);
    expect(c.call('HLEN', 'small')).toBe(2);
    expect(c.call('HLEN', 'nokey')).toBe(0);
  });

  it('answers WRONGTYPE against another type and checks arity', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'v');
    expect(c.call('HLEN', 's')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('HLEN', 's', 'x')).toEqual({ error: "ERR wrong number of arguments for 'hlen' command" });
  });
});
