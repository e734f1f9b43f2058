// EXPIRE sets a TTL in seconds with NX/XX/GT/LT, Redis's option errors and overflow checks;
// a time already past deletes the key with a "del" event.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('EXPIRE', () => {
  it('sets and resets the TTL, and the key goes when it passes', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'x', 'foobar');
    expect(c.call('EXPIRE', 'x', 5)).toBe(1);
    expect(c.call('TTL', 'x')).toBe(5);
    expect(c.call('EXPIRE', 'x', 10)).toBe(1);
    expect(c.call('TTL', 'x')).toBe(10);
    h.advance(10_000);
    expect(c.call('GET', 'x')).toBe('foobar');
    h.advance(1);
    expect(c.call('GET', 'x')).toBeNull();
  });

  it('answers 0 for a missing key, with any option', () => {
    const c = new Harness().client();
    for (const opt of [[], ['NX'], ['XX'], ['GT'], ['LT']]) expect(c.call('EXPIRE', 'none', 100, ...opt)).toBe(0);
  });

  it('NX applies only without a TTL, XX only with one', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'v', 'EX', 100);
    expect(c.call('EXPIRE', 'k', 200, 'NX')).toBe(0);
    expect(c.call('TTL', 'k')).toBe(100);
    expect(c.call('EXPIRE', 'k', 200, 'XX')).toBe(1);
    expect(c.call('TTL', 'k')).toBe(200);
    c.call('SET', 'k', 'v');
    expect(c.call('EXPIRE', 'k', 200, 'XX')).toBe(0);
    expect(c.call('TTL', 'k')).toBe(-1);
    expect(c.call('EXPIRE', 'k', 200, 'NX')).toBe(1);
    expect(c.call('TTL', 'k')).toBe(200);
  });

  it('GT needs a greater TTL and never beats no TTL; LT needs a smaller one and always beats none', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'v', 'EX', 100);
    expect(c.call('EXPIRE', 'k', 100, 'GT')).toBe(0);
    expect(c.call('EXPIRE', 'k', 200, 'GT')).toBe(1);
    expect(c.call('EXPIRE', 'k', 200, 'LT')).toBe(0);
    expect(c.call('EXPIRE', 'k', 50, 'lt')).toBe(1);
    expect(c.call('TTL', 'k')).toBe(50);
    c.call('SET', 'k', 'v');
    expect(c.call('EXPIRE', 'k', 200, 'GT')).toBe(0);
    expect(c.call('TTL', 'k')).toBe(-1);
    expect(c.call('EXPIRE', 'k', 100, 'LT')).toBe(1);
    expect(c.call('TTL', 'k')).toBe(100);
    c.call('SET', 'k', 'v');
    expect(c.call('EXPIRE', 'k', 200, 'LT', 'XX')).toBe(0);
    c.call('SET', 'k', 'v', 'EX', 200);
    expect(c.call('EXPIRE', 'k', 100, 'LT', 'XX')).toBe(1);
  });

  it('a negative or zero TTL deletes the key, emitting del and not expire', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'Eg' } });
    const c = h.client();
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    c.call('SET', 'k', 'v', 'EX', 100);
    expect(c.call('EXPIRE', 'k', -10, 'LT')).toBe(1);
    expect(c.call('TTL', 'k')).toBe(-2);
    c.call('SET', 'j', 'v');
    expect(c.call('EXPIRE', 'j', 0)).toBe(1);
    expect(c.call('EXISTS', 'j')).toBe(0);
    expect(s.drain().map((m) => (m as string[])[2])).toEqual([
      '__keyevent@0__:expire', '__keyevent@0__:del', '__keyevent@0__:del',
    ]);
  });

  it('does not resurrect a key whose TTL passed', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'foo', 'bar');
    c.call('PEXPIRE', 'foo', 500);
    h.advance(1000);
    expect(c.call('EXPIRE', 'foo', 10)).toBe(0);
    expect(c.call('EXISTS', 'foo')).toBe(0);
  });

  it('rejects conflicting and unknown options, checked before the time', () => {
    const c = new Harness().client();
    const nxErr = { error: 'ERR NX and XX, GT or LT options at the same time are not compatible' };
    expect(c.call('EXPIRE', 'foo', 200, 'LT', 'GT')).toEqual({ error: 'ERR GT and LT options at the same time are not compatible' });
    expect(c.call('EXPIRE', 'foo', 200, 'NX', 'GT')).toEqual(nxErr);
    expect(c.call('EXPIRE', 'foo', 200, 'NX', 'LT')).toEqual(nxErr);
    expect(c.call('EXPIRE', 'foo', 200, 'NX', 'XX')).toEqual(nxErr);
    expect(c.call('EXPIRE', 'foo', 'x', 'NX', 'XX')).toEqual(nxErr);
    expect(c.call('EXPIRE', 'foo', 200, 'AB')).toEqual({ error: 'ERR Unsupported option AB' });
    expect(c.call('EXPIRE', 'foo', 200, 'XX', 'ab')).toEqual({ error: 'ERR Unsupported option ab' });
  });

  it('rejects a non-integer time and times that overflow 64-bit milliseconds', () => {
    const c = new Harness().client();
    c.call('SET', 'foo', 'bar');
    expect(c.call('EXPIRE', 'foo', '')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('EXPIRE', 'foo', '1.5')).toEqual({ error: 'ERR value is not an integer or out of range' });
    const invalid = { error: "ERR invalid expire time in 'expire' command" };
    for (const t of ['9223370399119966', '9223372036854776', '10000000000000000', '18446744073709561', '-9223372036854776', '-9999999999999999']) {
      expect(c.call('EXPIRE', 'foo', t)).toEqual(invalid);
    }
    expect(c.call('TTL', 'foo')).toBe(-1);
  });

  it('needs a key and a time', () => {
    const c = new Harness().client();
    expect(c.call('EXPIRE', 'k')).toEqual({ error: "ERR wrong number of arguments for 'expire' command" });
  });

  it('while a dataset loads, a past time is kept as a TTL and nothing expires until loading ends', () => {
    const h = new Harness();
    const c = h.client();
    h.keyspace.loading = true;
    c.call('RPUSH', 'list', 'foo');
    expect(c.call('PEXPIREAT', 'list', '1000')).toBe(1);
    expect(c.call('RPUSH', 'list', 'bar')).toBe(2);
    h.keyspace.loading = false;
    expect(c.call('LLEN', 'list')).toBe(0);
  });
});
