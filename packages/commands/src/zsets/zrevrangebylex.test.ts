// ZREVRANGEBYLEX takes max then min and answers from the top.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZREVRANGEBYLEX', () => {
  it('answers reversed lex ranges with LIMIT', () => {
    const c = new Harness().client();
    c.call('ZADD', 'z', '0', 'a', '0', 'b', '0', 'c', '0', 'd');
    expect(c.call('ZREVRANGEBYLEX', 'z', '+', '-')).toEqual(['d', 'c', 'b', 'a']);
    expect(c.call('ZREVRANGEBYLEX', 'z', '[c', '(a', 'LIMIT', '1', '1')).toEqual(['b']);
    expect(c.call('ZREVRANGEBYLEX', 'z', '-', '+')).toEqual([]);
  });
});
