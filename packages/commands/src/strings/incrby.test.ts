// INCRBY adds a signed 64-bit increment exactly (checked against BigInt with fast-check),
// refusing non-integer increments and overflow without writing.
import { Harness } from '@cinnabar/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const MAX = 9223372036854775807n;
const MIN = -9223372036854775808n;

describe('INCRBY', () => {
  it('adds increments beyond 32 bits', () => {
    const c = new Harness().client();
    c.call('SET', 'n', '17179869184');
    expect(c.call('INCRBY', 'n', '17179869184')).toBe(34359738368);
    expect(c.call('INCRBY', 'n', '-34359738369')).toBe(-1);
  });

  it('answers exact integers beyond 2^53', () => {
    const c = new Harness().client();
    expect(c.call('INCRBY', 'n', '9007199254740993')).toBe(9007199254740993n);
    expect(c.call('INCRBY', 'n', '9214364837600034814')).toBe(MAX);
    expect(c.raw('GET', 'n')).toBe('$19\r\n9223372036854775807\r\n');
  });

  it('refuses a non-integer or out-of-range increment', () => {
    const c = new Harness().client();
    for (const d of ['abc', '1.5', '9223372036854775808', ' 1', '']) {
      expect(c.call('INCRBY', 'n', d)).toEqual({ error: 'ERR value is not an integer or out of range' });
    }
    expect(c.call('EXISTS', 'n')).toBe(0);
  });

  it('refuses overflow in either direction', () => {
    const c = new Harness().client();
    c.call('SET', 'n', '1');
    expect(c.call('INCRBY', 'n', MAX.toString())).toEqual({ error: 'ERR increment or decrement would overflow' });
    c.call('SET', 'n', '-2');
    expect(c.call('INCRBY', 'n', MIN.toString())).toEqual({ error: 'ERR increment or decrement would overflow' });
    expect(c.call('GET', 'n')).toBe('-2');
  });

  it('agrees with BigInt arithmetic on random int64 values', () => {
    const c = new Harness().client();
    const int64 = fc.oneof(fc.bigInt({ min: MIN, max: MAX }), fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }), fc.integer().map(BigInt));
    fc.assert(
      fc.property(int64, int64, (start, delta) => {
        c.call('SET', 'n', start.toString());
        const sum = start + delta;
        const r = c.call('INCRBY', 'n', delta.toString());
        if (sum > MAX || sum < MIN) {
          expect(r).toEqual({ error: 'ERR increment or decrement would overflow' });
          expect(c.call('GET', 'n')).toBe(start.toString());
        } else {
          expect(BigInt(r as number | bigint)).toBe(sum);
          expect(c.call('GET', 'n')).toBe(sum.toString());
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('takes a key and an increment', () => {
    expect(new Harness().client().call('INCRBY', 'n')).toEqual({ error: "ERR wrong number of arguments for 'incrby' command" });
  });
});
