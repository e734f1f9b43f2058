// DEBUG DIGEST-VALUE of a stream equals redis-server 7.0.15's for the same entries; COPY
// gives an independent stream and OBJECT ENCODING/TYPE answer "stream".
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('stream values', () => {
  it('digest like Redis (entries only, groups ignored)', () => {
    const c = new Harness({ config: { 'enable-debug-command': 'yes' } }).client();
    c.call('XADD', 's', '1-1', 'a', '1', 'b', '2');
    c.call('XADD', 's', '18446744073709551615-3', 'x', 'y');
    c.call('XGROUP', 'CREATE', 'e', 'g', '0', 'MKSTREAM');
    expect(c.call('DEBUG', 'DIGEST-VALUE', 's', 'e')).toEqual([{ simple: '09fa2d0c60a4002c7fa5845c92f8f3207906c3cd' }, { simple: '06bd01623de1d087bbd377851096317b1af476a2' }]);
  });

  it('copy independently and report their type and encoding', () => {
    const c = new Harness().client();
    c.call('XADD', 's', '1-0', 'a', '1');
    c.call('XGROUP', 'CREATE', 's', 'g', '0');
    expect(c.call('COPY', 's', 't')).toBe(1);
    c.call('XADD', 't', '2-0', 'b', '2');
    c.call('XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 't', '>');
    expect(c.call('XLEN', 's')).toBe(1);
    expect(c.call('XPENDING', 's', 'g')).toEqual([0, null, null, null]);
    expect(c.call('XPENDING', 't', 'g')).toEqual([2, '1-0', '2-0', [['c', '2']]]);
    expect(c.call('TYPE', 's')).toEqual({ simple: 'stream' });
    expect(c.call('OBJECT', 'ENCODING', 's')).toBe('stream');
  });
});
