// ZDIFFSTORE stores the difference, deleting the destination when it is empty.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('ZDIFFSTORE', () => {
  it('stores the difference or deletes the destination', () => {
    const c = new Harness().client();
    c.call('ZADD', 'a', '1', 'x', '2', 'y');
    c.call('ZADD', 'b', '3', 'y');
    expect(c.call('ZDIFFSTORE', 'dst', '2', 'a', 'b')).toBe(1);
    expect(c.call('ZRANGE', 'dst', '0', '-1', 'WITHSCORES')).toEqual(['x', '1']);
    expect(c.call('ZDIFFSTORE', 'dst', '2', 'a', 'a')).toBe(0);
    expect(c.call('EXISTS', 'dst')).toBe(0);
  });
});
