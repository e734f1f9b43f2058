// UNLINK behaves as DEL: removes present keys, counts them, emits "del".
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('UNLINK', () => {
  it('removes present keys and answers how many were present', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'Eg' } });
    const c = h.client();
    const s = h.client();
    s.call('SUBSCRIBE', '__keyevent@0__:del');
    c.call('SET', 'a', '1');
    c.call('SET', 'b', '2');
    expect(c.call('UNLINK', 'a', 'nokey', 'b')).toBe(2);
    expect(c.call('DBSIZE')).toBe(0);
    expect(s.drain()).toEqual([['message', '__keyevent@0__:del', 'a'], ['message', '__keyevent@0__:del', 'b']]);
  });

  it('needs at least one key', () => {
    const c = new Harness().client();
    expect(c.call('UNLINK')).toEqual({ error: "ERR wrong number of arguments for 'unlink' command" });
  });
});
