// RPOP: the tail element, or with a count the tail elements in pop order (last first).
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('RPOP', () => {
  it('pops the tail element and deletes the emptied key', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a', 'b');
    expect(c.call('RPOP', 'l')).toBe('b');
    expect(c.call('RPOP', 'l')).toBe('a');
    expect(c.call('EXISTS', 'l')).toBe(0);
    expect(c.call('RPOP', 'l')).toBeNull();
  });

  it('with a count answers the tail elements last first', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'l', 'a', 'b', 'c', 'd');
    expect(c.call('RPOP', 'l', 3)).toEqual(['d', 'c', 'b']);
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(['a']);
    expect(c.raw('RPOP', 'l', 0)).toBe('*0\r\n');
    expect(c.raw('RPOP', 'missing', 3)).toBe('*-1\r\n');
  });

  it('pops across many nodes of a long list', () => {
    const c = new Harness().client();
    const all = Array.from({ length: 3000 }, (_, i) => String(i));
    c.call('RPUSH', 'l', ...all);
    expect(c.call('RPOP', 'l', 2500)).toEqual(all.slice(500).reverse());
    expect(c.call('LRANGE', 'l', 0, -1)).toEqual(all.slice(0, 500));
  });

  it('rejects a negative count', () => {
    expect(new Harness().client().call('RPOP', 'l', -1)).toEqual({ error: 'ERR value is out of range, must be positive' });
  });

  it('emits rpop', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'El' } });
    const c = h.client();
    c.call('RPUSH', 'l', 'a', 'b');
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    c.call('RPOP', 'l');
    expect(s.drain().map((m) => (m as string[])[2])).toEqual(['__keyevent@0__:rpop']);
  });
});
