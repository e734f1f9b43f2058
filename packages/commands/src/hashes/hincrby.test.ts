// HINCRBY adds a signed 64-bit increment to a field (0 when missing), with Redis's errors for
// a bad increment, a non-integer value and overflow, and converts when the result is too long.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('HINCRBY', () => {
  it('creates the key and field, then adds to it', () => {
    const c = new Harness().client();
    expect(c.call('HINCRBY', 'h', 'f', 2)).toBe(2);
    expect(c.call('HINCRBY', 'h', 'f', 3)).toBe(5);
    expect(c.call('HGET', 'h', 'f')).toBe('5');
    c.call('HSET', 'h', 'n', '17179869184');
    expect(c.call('HINCRBY', 'h', 'n', '17179869184')).toBe(34359738368);
  });

  it('works on 64-bit values and detects overflow in both directions', () => {
    const c = new Harness().client();
    c.call('HSET', 'h', 'n', '-9223372036854775484');
    expect(c.call('HINCRBY', 'h', 'n', -1)).toBe(-9223372036854775485n);
    expect(c.call('HINCRBY', 'h', 'n', -10000)).toEqual({ error: 'ERR increment or decrement would overflow' });
    expect(c.call('HINCRBY', 'h', 'm', '-9223372036854775808')).toBe(-9223372036854775808n);
    expect(c.call('HINCRBY', 'h', 'm', -1)).toEqual({ error: 'ERR increment or decrement would overflow' });
    c.call('HSET', 'h', 'p', '9223372036854775807');
    expect(c.call('HINCRBY', 'h', 'p', 1)).toEqual({ error: 'ERR increment or decrement would overflow' });
    expect(c.call('HGET', 'h', 'p')).toBe('9223372036854775807');
  });

  it('refuses values that are not strict integers', () => {
    const c = new Harness({ config: { 'hash-max-listpack-entries': '1' } }).client();
    for (const v of [' 11', '11 ', '1.5', '', '+1', '01', '9223372036854775808']) {
      c.call('HSET', 'small', 'str', v);
      c.call('HSET', 'big', 'str', v, 'x', 'y');
      expect(c.call('HINCRBY', 'small', 'str', 1)).toEqual({ error: 'ERR hash value is not an integer' });
      expect(c.call('HINCRBY', 'big', 'str', 1)).toEqual({ error: 'ERR hash value is not an integer' });
    }
  });

  it('checks the increment before the key', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'v');
    expect(c.call('HINCRBY', 's', 'f', 'abc')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('HINCRBY', 'nokey', 'f', '99999999999999999999')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('EXISTS', 'nokey')).toBe(0);
    expect(c.call('HINCRBY', 's', 'f', 1)).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('HINCRBY', 's', 'f')).toEqual({ error: "ERR wrong number of arguments for 'hincrby' command" });
  });

  it('converts to hashtable when the result outgrows hash-max-listpack-value', () => {
    const c = new Harness({ config: { 'hash-max-listpack-value': '4' } }).client();
    c.call('HINCRBY', 'h', 'f', 9999);
    expect(c.call('OBJECT', 'ENCODING', 'h')).toBe('listpack');
    c.call('HINCRBY', 'h', 'f', 1);
    expect(c.call('OBJECT', 'ENCODING', 'h')).toBe('hashtable');
    expect(c.call('HGET', 'h', 'f')).toBe('10000');
  });

  it('emits hincrby', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'Eh' } });
    const c = h.client();
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    c.call('HINCRBY', 'h', 'f', 1);
    expect(s.drain()).toEqual([['pmessage', '__keyevent@0__:*', '__keyevent@0__:hincrby', 'h']]);
  });
});
