// ZINCRBY adds to a member's score (creating key and member), answers the new score, refuses
// bad increments and NaN results, and emits zincr.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZINCRBY', () => {
  it('creates the member at the increment and adds to it afterwards', () => {
    const c = new Harness().client();
    expect(c.call('ZINCRBY', 'z', '2', 'a')).toBe('2');
    expect(c.call('ZINCRBY', 'z', '-0.5', 'a')).toBe('1.5');
    expect(c.call('ZRANGE', 'z', '0', '-1', 'WITHSCORES')).toEqual(['a', '1.5']);
  });

  it('answers a RESP3 double', () => {
    const c = new Harness().client();
    c.call('HELLO', '3');
    expect(c.call('ZINCRBY', 'z', '2.5', 'a')).toEqual({ double: 2.5 });
  });

  it('refuses a non-float increment, NaN results, option words and other types', () => {
    const c = new Harness().client();
    expect(c.call('ZINCRBY', 'z', 'x', 'a')).toEqual({ error: 'ERR value is not a valid float' });
    expect(c.call('ZINCRBY', 'z', 'NX', 'a')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('EXISTS', 'z')).toBe(0);
    c.call('ZADD', 'z', '+inf', 'a');
    expect(c.call('ZINCRBY', 'z', '-inf', 'a')).toEqual({ error: 'ERR resulting score is not a number (NaN)' });
    c.call('SET', 's', 'v');
    expect(c.call('ZINCRBY', 's', '1', 'a')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('emits zincr', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'Ez' } });
    const c = h.client();
    const s = h.client();
    s.call('SUBSCRIBE', '__keyevent@0__:zincr');
    c.call('ZINCRBY', 'z', '1', 'a');
    expect(s.drain()).toEqual([['message', '__keyevent@0__:zincr', 'z']]);
  });
});
