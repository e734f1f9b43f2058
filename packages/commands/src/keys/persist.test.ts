// PERSIST removes a TTL (1, event "persist") and answers 0 when there is none or no key.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('PERSIST', () => {
  it('undoes an EXPIRE', () => {
    const c = new Harness().client();
    c.call('SET', 'x', 'foo');
    c.call('EXPIRE', 'x', 50);
    expect([c.call('TTL', 'x'), c.call('PERSIST', 'x'), c.call('TTL', 'x'), c.call('GET', 'x')]).toEqual([50, 1, -1, 'foo']);
  });

  it('answers 0 for a key without a TTL and a missing key', () => {
    const c = new Harness().client();
    c.call('SET', 'x', 'foo');
    expect([c.call('PERSIST', 'x'), c.call('PERSIST', 'nokeyatall')]).toEqual([0, 0]);
  });

  it('emits persist only when a TTL was removed', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'Eg' } });
    const c = h.client();
    const s = h.client();
    s.call('SUBSCRIBE', '__keyevent@0__:persist');
    c.call('SET', 'x', 'v', 'EX', 10);
    c.call('PERSIST', 'x');
    c.call('PERSIST', 'x');
    expect(s.drain()).toEqual([['message', '__keyevent@0__:persist', 'x']]);
  });
});
