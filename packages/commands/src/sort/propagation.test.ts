// Proves what SORT … STORE sends to the AOF and replicas, as Redis 7.0.15 does: the command as
// sent when it stored or deleted the destination, nothing when it changed nothing or failed.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('sort propagation', () => {
  it('SORT STORE propagates as sent only when the destination changed', () => {
    const h = new Harness();
    const c = h.client();
    const fx = h.recordEffects();
    c.call('SORT', 'nokey', 'STORE', 'dst');
    c.call('RPUSH', 'l', 'b', 'a');
    c.call('SORT', 'l', 'ALPHA', 'STORE', 'dst');
    c.call('SORT', 'l', 'STORE', 'dst2');
    c.call('SORT', 'nokey', 'STORE', 'dst');
    c.call('SORT', 'l', 'ALPHA');
    expect(fx).toEqual([
      ['SELECT', '0'],
      ['RPUSH', 'l', 'b', 'a'],
      ['SORT', 'l', 'ALPHA', 'STORE', 'dst'],
      ['SORT', 'nokey', 'STORE', 'dst'],
    ]);
  });
});
