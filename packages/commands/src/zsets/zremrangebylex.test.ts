// ZREMRANGEBYLEX removes a lex range of equal-score members.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZREMRANGEBYLEX', () => {
  it('removes lex ranges', () => {
    const c = new Harness().client();
    c.call('ZADD', 'z', '0', 'a', '0', 'b', '0', 'c', '0', 'd');
    expect(c.call('ZREMRANGEBYLEX', 'z', '(a', '[c')).toBe(2);
    expect(c.call('ZRANGE', 'z', '0', '-1')).toEqual(['a', 'd']);
    expect(c.call('ZREMRANGEBYLEX', 'z', '-', '+')).toBe(2);
    expect(c.call('EXISTS', 'z')).toBe(0);
    expect(c.call('ZREMRANGEBYLEX', 'z', 'a', '+')).toEqual({ error: 'ERR min or max not valid string range item' });
  });
});
