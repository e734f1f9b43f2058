// HSTRLEN answers a value's length in bytes, 0 for a missing field or key.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('HSTRLEN', () => {
  it('answers the byte length of values, integers included, in both encodings', () => {
    const c = new Harness({ config: { 'hash-max-listpack-entries': '1' } }).client();
    const vals = ['-9223372036854775808', '9223372036854775807', '9223372036854775808', '', '0', '-1', 'x', '\xff\x00'];
    for (const v of vals) {
      c.call('HMSET', 'small', 'field', v);
      c.call('HMSET', 'big', 'field', v, 'other', 'o');
      expect(c.call('HSTRLEN', 'small', 'field')).toBe(v.length);
      expect(c.call('HSTRLEN', 'big', 'field')).toBe(v.length);
    }
    expect(c.call('OBJECT', 'ENCODING', 'big')).toBe('hashtable');
  });

  it('answers 0 for a missing field or key, WRONGTYPE for another type', () => {
    const c = new Harness().client();
    c.call('HSET', 'h', 'a', 'abc');
    expect(c.call('HSTRLEN', 'h', '__123123123__')).toBe(0);
    expect(c.call('HSTRLEN', 'nokey', 'a')).toBe(0);
    c.call('SET', 's', 'v');
    expect(c.call('HSTRLEN', 's', 'a')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('HSTRLEN', 's')).toEqual({ error: "ERR wrong number of arguments for 'hstrlen' command" });
  });
});
