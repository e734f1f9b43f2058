// ZRANGEBYLEX answers equal-score members in a lex range, with LIMIT, never WITHSCORES.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZRANGEBYLEX', () => {
  it('answers lex ranges by bytes', () => {
    const c = new Harness().client();
    c.call('ZADD', 'z', '0', 'alpha', '0', 'bar', '0', 'cool', '0', 'down', '0', '\xe0');
    expect(c.call('ZRANGEBYLEX', 'z', '-', '+')).toEqual(['alpha', 'bar', 'cool', 'down', '\xe0']);
    expect(c.call('ZRANGEBYLEX', 'z', '[bar', '(down')).toEqual(['bar', 'cool']);
    expect(c.call('ZRANGEBYLEX', 'z', '(bar', '+', 'LIMIT', '1', '10')).toEqual(['down', '\xe0']);
    expect(c.call('ZRANGEBYLEX', 'z', '[e', '+')).toEqual(['\xe0']);
    expect(c.call('ZRANGEBYLEX', 'z', '+', '+')).toEqual([]);
    expect(c.call('ZRANGEBYLEX', 'z', '-', '+', 'WITHSCORES')).toEqual({ error: 'ERR syntax error, WITHSCORES not supported in combination with BYLEX' });
    expect(c.call('ZRANGEBYLEX', 'z', 'a', '+')).toEqual({ error: 'ERR min or max not valid string range item' });
  });
});
