// ZDIFF keeps the first input's members absent from every other, with their own scores.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZDIFF', () => {
  it('subtracts the other inputs and takes no WEIGHTS', () => {
    const c = new Harness().client();
    c.call('ZADD', 'a', '1', 'x', '2', 'y', '3', 'z');
    c.call('ZADD', 'b', '10', 'y');
    c.call('SADD', 's', 'z');
    expect(c.call('ZDIFF', '3', 'a', 'b', 's', 'WITHSCORES')).toEqual(['x', '1']);
    expect(c.call('ZDIFF', '2', 'a', 'nokey')).toEqual(['x', 'y', 'z']);
    expect(c.call('ZDIFF', '2', 'a', 'b', 'WEIGHTS', '1', '2')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('ZDIFF', '0', 'a')).toEqual({ error: "ERR at least 1 input key is needed for 'zdiff' command" });
  });
});
