// DEL removes the named keys that exist, counts them, and emits one "del" event per key.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('DEL', () => {
  it('removes present keys and answers how many were present', () => {
    const c = new Harness().client();
    c.call('SET', 'a', '1');
    c.call('SET', 'b', '2');
    expect(c.call('DEL', 'a', 'b', 'nokey')).toBe(2);
    expect(c.call('EXISTS', 'a', 'b')).toBe(0);
    expect(c.call('DEL', 'a')).toBe(0);
  });

  it('counts a key named twice once', () => {
    const c = new Harness().client();
    c.call('SET', 'a', '1');
    expect(c.call('DEL', 'a', 'a')).toBe(1);
  });

  it('does not count a key whose TTL has passed', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'k', 'v', 'PX', 100);
    h.advance(101);
    expect(c.call('DEL', 'k')).toBe(0);
  });

  it('emits del for each removed key only', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'Eg' } });
    const c = h.client();
    const s = h.client();
    s.call('SUBSCRIBE', '__keyevent@0__:del');
    c.call('SET', 'a', '1');
    c.call('DEL', 'a', 'nokey');
    expect(s.drain()).toEqual([['message', '__keyevent@0__:del', 'a']]);
  });

  it('needs at least one key', () => {
    const c = new Harness().client();
    expect(c.call('DEL')).toEqual({ error: "ERR wrong number of arguments for 'del' command" });
  });
});
