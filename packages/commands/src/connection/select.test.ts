// SELECT switches the client's database with Redis's exact errors for bad indexes.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('SELECT', () => {
  it('switches the database the client reads and writes', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'zero');
    expect(c.call('SELECT', 9)).toEqual({ simple: 'OK' });
    expect(c.call('GET', 'k')).toBeNull();
    c.call('SET', 'k', 'nine');
    c.call('SELECT', 0);
    expect(c.call('GET', 'k')).toBe('zero');
  });

  it('rejects indexes that are not integers, outside 32 bits, or out of range', () => {
    const c = new Harness().client();
    expect(c.call('SELECT', 'abc')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('SELECT', ' 1')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('SELECT', '99999999999')).toEqual({ error: 'ERR value is out of range, value must between -2147483648 and 2147483647' });
    expect(c.call('SELECT', -1)).toEqual({ error: 'ERR DB index is out of range' });
    expect(c.call('SELECT', 16)).toEqual({ error: 'ERR DB index is out of range' });
  });

  it('honours the databases setting', () => {
    const c = new Harness({ config: { databases: '2' } }).client();
    expect(c.call('SELECT', 1)).toEqual({ simple: 'OK' });
    expect(c.call('SELECT', 2)).toEqual({ error: 'ERR DB index is out of range' });
  });
});
