// INCR adds one to a 64-bit integer string (0 when missing), keeps the TTL, refuses
// non-integers and overflow, and emits incrby.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const list = { typeName: 'list', encoding: () => 'quicklist', clone() { return this; } };

describe('INCR', () => {
  it('starts a missing key at 0 and counts up', () => {
    const c = new Harness().client();
    expect(c.call('INCR', 'n')).toBe(1);
    expect(c.call('GET', 'n')).toBe('1');
    expect(c.call('INCR', 'n')).toBe(2);
    c.call('SET', 'n', '17179869184');
    expect(c.call('INCR', 'n')).toBe(17179869185);
  });

  it('refuses values that string2ll refuses', () => {
    const c = new Harness().client();
    for (const v of ['    11', '11    ', ' 11 ', '11.0', '+1', '01', 'abc', '', '9223372036854775808']) {
      c.call('SET', 'n', v);
      expect(c.call('INCR', 'n')).toEqual({ error: 'ERR value is not an integer or out of range' });
      expect(c.call('GET', 'n')).toBe(v);
    }
  });

  it('refuses to overflow', () => {
    const c = new Harness().client();
    c.call('SET', 'n', '9223372036854775807');
    expect(c.call('INCR', 'n')).toEqual({ error: 'ERR increment or decrement would overflow' });
    expect(c.call('GET', 'n')).toBe('9223372036854775807');
  });

  it('keeps the TTL and leaves an int encoding', () => {
    const c = new Harness().client();
    c.call('SET', 'n', '5', 'EX', 10);
    c.call('INCR', 'n');
    expect(c.call('TTL', 'n')).toBe(10);
    expect(c.call('OBJECT', 'ENCODING', 'n')).toBe('int');
  });

  it('answers WRONGTYPE for another type', () => {
    const h = new Harness();
    h.keyspace.db(0).add('l', list);
    expect(h.client().call('INCR', 'l')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('emits incrby', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'E$' } });
    const c = h.client();
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    c.call('INCR', 'n');
    expect(s.drain()).toEqual([['pmessage', '__keyevent@0__:*', '__keyevent@0__:incrby', 'n']]);
  });

  it('takes exactly one key', () => {
    expect(new Harness().client().call('INCR', 'a', 'b')).toEqual({ error: "ERR wrong number of arguments for 'incr' command" });
  });
});
