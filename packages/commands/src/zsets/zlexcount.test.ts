// ZLEXCOUNT counts equal-score members in a lex range ("[a" "(a" "-" "+").
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZLEXCOUNT', () => {
  it('counts lex ranges', () => {
    const c = new Harness().client();
    c.call('ZADD', 'z', '0', 'a', '0', 'b', '0', 'c', '0', 'd');
    expect(c.call('ZLEXCOUNT', 'z', '-', '+')).toBe(4);
    expect(c.call('ZLEXCOUNT', 'z', '[b', '[c')).toBe(2);
    expect(c.call('ZLEXCOUNT', 'z', '(b', '[c')).toBe(1);
    expect(c.call('ZLEXCOUNT', 'z', '+', '-')).toBe(0);
    expect(c.call('ZLEXCOUNT', 'nokey', '-', '+')).toBe(0);
  });

  it('refuses items without a bracket', () => {
    const c = new Harness().client();
    expect(c.call('ZLEXCOUNT', 'z', 'a', '+')).toEqual({ error: 'ERR min or max not valid string range item' });
    expect(c.call('ZLEXCOUNT', 'z', '-x', '+')).toEqual({ error: 'ERR min or max not valid string range item' });
  });
});
