// LINSERT puts an element before or after the first pivot from the head: new length, -1
// without a pivot, 0 for a missing key; the BEFORE/AFTER syntax check comes first.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('LINSERT', () => {
  it('inserts before and after the first matching pivot', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a', 'b', 'a');
    expect(c.call('LINSERT', 'l', 'BEFORE', 'a', 'x')).toBe(4);
    expect(c.call('LINSERT', 'l', 'after', 'a', 'y')).toBe(5);
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(['x', 'a', 'y', 'b', 'a']);
  });

  it('answers -1 without a pivot and 0 for a missing key', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a');
    expect(c.call('LINSERT', 'l', 'BEFORE', 'zz', 'x')).toBe(-1);
    expect(c.call('LINSERT', 'nokey', 'BEFORE', 'a', 'x')).toBe(0);
    expect(c.call('EXISTS', 'nokey')).toBe(0);
  });

  it('rejects a position other than BEFORE or AFTER, even for a missing key', () => {
    const c = new Harness().client();
    expect(c.call('LINSERT', 'nokey', 'middle', 'a', 'b')).toEqual({ error: 'ERR syntax error' });
  });

  it('answers WRONGTYPE for another type', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'x');
    expect(c.call('LINSERT', 's', 'BEFORE', 'a', 'b')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });

  it('keeps order when many inserts split nodes in the middle of a long list', () => {
    const c = new Harness().client();
    const model = Array.from({ length: 2000 }, (_, i) => `p${i}`);
    c.call('RPUSH', 'l', ...model);
    for (let i = 0; i < 1500; i++) {
      const pivot = `p${(i * 7) % 2000}`;
      c.call('LINSERT', 'l', 'AFTER', pivot, `n${i}`);
      model.splice(model.indexOf(pivot) + 1, 0, `n${i}`);
    }
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(model);
  });

  it('emits linsert only when it inserted', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'El' } });
    const c = h.client();
    c.call('RPUSH', 'l', 'a');
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    c.call('LINSERT', 'l', 'BEFORE', 'zz', 'x');
    c.call('LINSERT', 'l', 'BEFORE', 'a', 'x');
    expect(s.drain().map((m) => (m as string[])[2])).toEqual(['__keyevent@0__:linsert']);
  });
});
