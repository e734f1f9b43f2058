// MOVE transfers a key with its TTL to another database when absent there.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('MOVE', () => {
  it('moves the key and its TTL to the target database', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'foo', 'EX', 100);
    expect(c.call('MOVE', 'k', 10)).toBe(1);
    expect([c.call('EXISTS', 'k'), c.call('DBSIZE'), c.call('TTL', 'k')]).toEqual([0, 0, -2]);
    c.call('SELECT', 10);
    expect([c.call('GET', 'k'), c.call('TTL', 'k')]).toEqual(['foo', 100]);
  });

  it('creates no TTL when the key had none', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'foo');
    c.call('MOVE', 'k', 1);
    c.call('SELECT', 1);
    expect(c.call('TTL', 'k')).toBe(-1);
  });

  it('answers 0 when the key is missing or already in the target', () => {
    const c = new Harness().client();
    expect(c.call('MOVE', 'nokey', 1)).toBe(0);
    c.call('SELECT', 1);
    c.call('SET', 'k', 'there');
    c.call('SELECT', 0);
    c.call('SET', 'k', 'here');
    expect(c.call('MOVE', 'k', 1)).toBe(0);
    expect(c.call('GET', 'k')).toBe('here');
  });

  it('rejects the same, a missing or a non-integer database', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'v');
    expect(c.call('MOVE', 'k', 0)).toEqual({ error: 'ERR source and destination objects are the same' });
    expect(c.call('MOVE', 'k', 16)).toEqual({ error: 'ERR DB index is out of range' });
    expect(c.call('MOVE', 'k', -1)).toEqual({ error: 'ERR DB index is out of range' });
    expect(c.call('MOVE', 'k', 'notanumber')).toEqual({ error: 'ERR value is not an integer or out of range' });
  });

  it('emits move_from in the source and move_to in the target database', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'Kg' } });
    const c = h.client();
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyspace@*__:k');
    c.call('SET', 'k', 'v');
    c.call('MOVE', 'k', 2);
    expect(s.drain()).toEqual([
      ['pmessage', '__keyspace@*__:k', '__keyspace@0__:k', 'move_from'],
      ['pmessage', '__keyspace@*__:k', '__keyspace@2__:k', 'move_to'],
    ]);
  });
});
