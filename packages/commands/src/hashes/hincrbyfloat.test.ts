// HINCRBYFLOAT adds in long-double precision and prints as INCRBYFLOAT does, with Redis's
// distinct errors for the increment and for the stored value.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('HINCRBYFLOAT', () => {
  it('adds and prints the shortest exact form', () => {
    const c = new Harness().client();
    expect(c.call('HINCRBYFLOAT', 'h', 'f', '1.23')).toBe('1.23');
    expect(c.call('HINCRBYFLOAT', 'h', 'f', '0.77')).toBe('2');
    expect(c.call('HINCRBYFLOAT', 'h', 'f', '-0.1')).toBe('1.9');
    expect(c.call('HGET', 'h', 'f')).toBe('1.9');
    c.call('HSET', 'h', 'e', '5.0e3', 'x', '0x10', 'i', '10');
    expect(c.call('HINCRBYFLOAT', 'h', 'e', '0')).toBe('5000');
    expect(c.call('HINCRBYFLOAT', 'h', 'x', '1')).toBe('17');
    expect(c.call('HINCRBYFLOAT', 'h', 'i', '-10')).toBe('0');
    expect(c.call('HINCRBYFLOAT', 'h', 'i', '1.5e-10')).toBe('0.00000000015');
    expect(c.call('HINCRBYFLOAT', 'h', 'big', '17179869184')).toBe('17179869184');
  });

  it('refuses a stored value that is not a float', () => {
    const c = new Harness().client();
    for (const v of [' 11', '11 ', '1\x002', 'abc', 'nan', '']) {
      c.call('HSET', 'h', 'f', v);
      expect(c.call('HINCRBYFLOAT', 'h', 'f', '1')).toEqual({ error: 'ERR hash value is not a float' });
      expect(c.call('HGET', 'h', 'f')).toBe(v);
    }
  });

  it('checks the increment before the key: invalid, then NaN or Infinity', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'v');
    expect(c.call('HINCRBYFLOAT', 's', 'f', 'abc')).toEqual({ error: 'ERR value is not a valid float' });
    expect(c.call('HINCRBYFLOAT', 's', 'f', 'nan')).toEqual({ error: 'ERR value is not a valid float' });
    expect(c.call('HINCRBYFLOAT', 'hfoo', 'f', '+inf')).toEqual({ error: 'ERR value is NaN or Infinity' });
    expect(c.call('HINCRBYFLOAT', 'hfoo', 'f', '-inf')).toEqual({ error: 'ERR value is NaN or Infinity' });
    expect(c.call('EXISTS', 'hfoo')).toBe(0);
    expect(c.call('HINCRBYFLOAT', 's', 'f', '1')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('refuses a result that overflows to infinity', () => {
    const c = new Harness().client();
    c.call('HSET', 'h', 'f', 'inf');
    expect(c.call('HINCRBYFLOAT', 'h', 'f', '1')).toEqual({ error: 'ERR increment would produce NaN or Infinity' });
    expect(c.call('HGET', 'h', 'f')).toBe('inf');
  });

  it('converts when the printed result or the field outgrows hash-max-listpack-value', () => {
    const c = new Harness({ config: { 'hash-max-listpack-value': '8' } }).client();
    c.call('HSET', 'smallhash', 'tmp', '0');
    c.call('HSET', 'bighash', 'tmp', '0');
    c.call('HINCRBYFLOAT', 'smallhash', 'tmp', '0.000005');
    c.call('HINCRBYFLOAT', 'bighash', 'tmp', '0.0000005');
    expect(c.call('OBJECT', 'ENCODING', 'smallhash')).toBe('listpack');
    expect(c.call('OBJECT', 'ENCODING', 'bighash')).toBe('hashtable');
    c.call('HINCRBYFLOAT', 'f8', 'abcdefgh', '1');
    c.call('HINCRBYFLOAT', 'f9', 'abcdefghi', '1');
    expect(c.call('OBJECT', 'ENCODING', 'f8')).toBe('listpack');
    expect(c.call('OBJECT', 'ENCODING', 'f9')).toBe('hashtable');
  });

  it('emits hincrbyfloat', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'Eh' } });
    const c = h.client();
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    c.call('HINCRBYFLOAT', 'h', 'f', '1.5');
    expect(s.drain()).toEqual([['pmessage', '__keyevent@0__:*', '__keyevent@0__:hincrbyfloat', 'h']]);
  });
});
