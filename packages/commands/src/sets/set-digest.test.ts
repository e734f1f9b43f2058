// DEBUG DIGEST-VALUE of a set equals redis-server 7.0.15's hex in either encoding (members
// xored, so order does not matter).
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('set digest', () => {
  it('matches the digests redis-server answers for the same sets', () => {
    const c = new Harness({ config: { 'enable-debug-command': 'yes' } }).client();
    c.call('SADD', 'i', 1, 2, -3);
    c.call('SADD', 'h', 'a', 'b', 1);
    c.call('SADD', 'h2', 1, 'b', 'a');
    expect(c.call('DEBUG', 'DIGEST-VALUE', 'i', 'h', 'h2')).toEqual([
      { simple: '836878cc027f259476c1f062e588720a8848c1d0' },
      { simple: 'e8f32bbb1ad9bf537c8867de4f19fec9e001296d' },
      { simple: 'e8f32bbb1ad9bf537c8867de4f19fec9e001296d' },
    ]);
  });
});
