// XRANGE/XREVRANGE serve ID intervals with -, +, incomplete and ( exclusive bounds and COUNT;
// XLEN counts entries; both answer Redis's errors.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function filled() {
  const c = new Harness().client();
  for (const id of ['1-0', '1-1', '2-0', '3-5', '3-6']) c.call('XADD', 's', id, 'f', id);
  return c;
}
const ids = (r: unknown) => (r as [string][]).map((e) => e[0]);

describe('XRANGE and XREVRANGE', () => {
  it('serve everything between - and + in order with fields', () => {
    const c = filled();
    expect(c.call('XRANGE', 's', '-', '+', 'COUNT', '2')).toEqual([['1-0', ['f', '1-0']], ['1-1', ['f', '1-1']]]);
    expect(ids(c.call('XREVRANGE', 's', '+', '-'))).toEqual(['3-6', '3-5', '2-0', '1-1', '1-0']);
  });

  it('take any 64-bit COUNT, as Redis does, not only those below 2^53', () => {
    const c = filled();
    expect(ids(c.call('XRANGE', 's', '-', '+', 'COUNT', '9223372036854775807'))).toHaveLength(5);
    expect(c.call('XREVRANGE', 's', '+', '-', 'COUNT', '-9223372036854775808')).toBeNull();
    expect(c.call('XRANGE', 's', '-', '+', 'COUNT', '9223372036854775808')).toEqual({ error: 'ERR value is not an integer or out of range' });
  });

  it('treat an incomplete start as seq 0 and an incomplete end as the last seq', () => {
    const c = filled();
    expect(ids(c.call('XRANGE', 's', '1', '1'))).toEqual(['1-0', '1-1']);
    expect(ids(c.call('XREVRANGE', 's', '3', '2'))).toEqual(['3-6', '3-5', '2-0']);
  });

  it('honour exclusive bounds', () => {
    const c = filled();
    expect(ids(c.call('XRANGE', 's', '(1-0', '(3-6'))).toEqual(['1-1', '2-0', '3-5']);
    expect(ids(c.call('XREVRANGE', 's', '(3-6', '(1-1'))).toEqual(['3-5', '2-0']);
    expect(c.call('XRANGE', 's', '(18446744073709551615-18446744073709551615', '+')).toEqual({ error: 'ERR invalid start ID for the interval' });
    expect(c.call('XRANGE', 's', '-', '(0-0')).toEqual({ error: 'ERR invalid end ID for the interval' });
    expect(c.call('XRANGE', 's', '(-', '+')).toEqual({ error: 'ERR Invalid stream ID specified as stream command argument' });
  });

  it('answer a null array for COUNT 0, an empty array for a missing key', () => {
    const c = filled();
    expect(c.raw('XRANGE', 's', '-', '+', 'COUNT', '0')).toBe('*-1\r\n');
    expect(c.call('XRANGE', 'nokey', '-', '+')).toEqual([]);
    expect(c.call('XRANGE', 's', '-', '+', 'COUNT', '-5')).toEqual(null);
  });

  it('reject bad IDs, bad COUNT and other types', () => {
    const c = filled();
    expect(c.call('XRANGE', 's', 'x', '+')).toEqual({ error: 'ERR Invalid stream ID specified as stream command argument' });
    expect(c.call('XRANGE', 's', '-', '+', 'COUNT')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('XRANGE', 's', '-', '+', 'COUNT', 'x')).toEqual({ error: 'ERR value is not an integer or out of range' });
    c.call('SET', 'k', 'v');
    expect(c.call('XRANGE', 'k', '-', '+')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});

describe('XLEN', () => {
  it('counts entries, 0 for a missing key, WRONGTYPE otherwise', () => {
    const c = filled();
    expect(c.call('XLEN', 's')).toBe(5);
    expect(c.call('XLEN', 'nokey')).toBe(0);
    c.call('SET', 'k', 'v');
    expect(c.call('XLEN', 'k')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});
