// INCRBYFLOAT adds in long double precision and stores the %.17Lf text Redis stores,
// keeping the TTL; invalid floats and NaN/Infinity results leave the value intact.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const list = { typeName: 'list', encoding: () => 'quicklist', clone() { return this; } };

describe('INCRBYFLOAT', () => {
  it('answers and stores Redis’s decimal text', () => {
    const c = new Harness().client();
    expect(c.call('INCRBYFLOAT', 'f', '1')).toBe('1');
    expect(c.call('INCRBYFLOAT', 'f', '0.25')).toBe('1.25');
    c.call('SET', 'f', '10.50');
    expect(c.call('INCRBYFLOAT', 'f', '0.1')).toBe('10.6');
    c.call('SET', 'f', '5.0e3');
    expect(c.call('INCRBYFLOAT', 'f', '2.0e2')).toBe('5200');
    expect(c.call('GET', 'f')).toBe('5200');
    c.call('SET', 'f', '17179869184');
    expect(c.call('INCRBYFLOAT', 'f', '1.5')).toBe('17179869185.5');
    c.call('SET', 'f', '1');
    expect(c.call('INCRBYFLOAT', 'f', '-1.1')).toBe('-0.1');
    expect(c.call('INCRBYFLOAT', 'g', '1000.1')).toBe('1000.09999999999999998');
  });

  it('never stores a negative zero', () => {
    const c = new Harness().client();
    c.call('INCRBYFLOAT', 'f', String(1 / 41));
    c.call('INCRBYFLOAT', 'f', String(-1 / 41));
    expect(c.call('GET', 'f')).toBe('0');
  });

  it('refuses values and increments that are not valid floats', () => {
    const c = new Harness().client();
    for (const v of ['    11', '11    ', ' 11 ', '1\x002', 'abc']) {
      c.call('SET', 'f', v);
      expect(c.call('INCRBYFLOAT', 'f', '1.0')).toEqual({ error: 'ERR value is not a valid float' });
      expect(c.call('GET', 'f')).toBe(v);
    }
    c.call('SET', 'f', '1');
    expect(c.call('INCRBYFLOAT', 'f', 'x')).toEqual({ error: 'ERR value is not a valid float' });
    expect(c.call('INCRBYFLOAT', 'f', 'nan')).toEqual({ error: 'ERR value is not a valid float' });
  });

  it('refuses a NaN or infinite result', () => {
    const c = new Harness().client();
    c.call('SET', 'f', '0');
    expect(c.call('INCRBYFLOAT', 'f', '+inf')).toEqual({ error: 'ERR increment would produce NaN or Infinity' });
    expect(c.call('GET', 'f')).toBe('0');
  });

  it('keeps the TTL and emits incrbyfloat', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'E$' } });
    const c = h.client();
    const s = h.client();
    c.call('SET', 'f', '1', 'EX', 10);
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    c.call('INCRBYFLOAT', 'f', '1.5');
    expect(c.call('TTL', 'f')).toBe(10);
    expect(s.drain()).toEqual([['pmessage', '__keyevent@0__:*', '__keyevent@0__:incrbyfloat', 'f']]);
  });

  it('answers WRONGTYPE for another type', () => {
    const h = new Harness();
    h.keyspace.db(0).add('l', list);
    expect(h.client().call('INCRBYFLOAT', 'l', '1')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('takes a key and an increment', () => {
    expect(new Harness().client().call('INCRBYFLOAT', 'f')).toEqual({ error: "ERR wrong number of arguments for 'incrbyfloat' command" });
  });
});
