// SORT orders lists, sets and sorted sets as Redis 7.0 does: numeric by default (ties by
// bytes), ALPHA, DESC, BY weights from keys or hash fields, BY nosort's native order, LIMIT
// clamping, GET patterns, the errors and their order; every expectation was checked on 7.0.15.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const WRONGTYPE = { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' };
const SYNTAX = { error: 'ERR syntax error' };
const NOT_DOUBLE = { error: "ERR One or more scores can't be converted into double" };
const NOT_INT = { error: 'ERR value is not an integer or out of range' };

function withList(...values: string[]) {
  const h = new Harness();
  const c = h.client();
  c.call('RPUSH', 'l', ...values);
  return { h, c };
}

describe('SORT ordering', () => {
  it('sorts numerically by default, ascending or DESC', () => {
    const { c } = withList('3', '1', '2', '10', '1.5', '-2');
    expect(c.call('SORT', 'l')).toEqual(['-2', '1', '1.5', '2', '3', '10']);
    expect(c.call('SORT', 'l', 'DESC')).toEqual(['10', '3', '2', '1.5', '1', '-2']);
    expect(c.call('SORT', 'l', 'ASC', 'DESC', 'ASC')).toEqual(['-2', '1', '1.5', '2', '3', '10']);
  });

  it('ALPHA compares bytes, so integers sort as text', () => {
    const { c } = withList('2', '1', '3', '10');
    expect(c.call('SORT', 'l', 'ALPHA')).toEqual(['1', '10', '2', '3']);
    expect(c.call('SORT', 'l', 'alpha', 'desc')).toEqual(['3', '2', '10', '1']);
  });

  it('breaks equal numeric weights by the bytes of the elements', () => {
    const { c } = withList('b', 'a', 'aa', 'c');
    c.call('MSET', 'w_a', '1', 'w_aa', '1', 'w_b', '1', 'w_c', '0');
    expect(c.call('SORT', 'l', 'BY', 'w_*')).toEqual(['c', 'a', 'aa', 'b']);
    expect(c.call('SORT', 'l', 'BY', 'w_*', 'DESC')).toEqual(['b', 'aa', 'a', 'c']);
  });

  it('reads weights as strtod does: leading space, empty as 0, infinities, hex', () => {
    const { c } = withList('3', '', '  2', '1\0zz', '0.5', 'inf', '-inf', '+4', '0x10', '1e1');
    expect(c.call('SORT', 'l')).toEqual(['-inf', '', '0.5', '1\0zz', '  2', '3', '+4', '1e1', '0x10', 'inf']);
  });

  it('refuses weights that are not whole doubles, NaN, or out of range', () => {
    for (const bad of ['2 ', 'x', 'nan', '1e400', '1e-400', '1e-310', '   ', 'infin']) {
      const { c } = withList('3', bad);
      expect(c.call('SORT', 'l')).toEqual(NOT_DOUBLE);
    }
  });

  it('refuses a bad BY weight, while a missing one counts as 0', () => {
    const { c } = withList('1', '2', '3');
    c.call('MSET', 'w_1', '10', 'w_3', '-1');
    expect(c.call('SORT', 'l', 'BY', 'w_*')).toEqual(['3', '2', '1']);
    c.call('SET', 'w_2', 'not-a-double');
    expect(c.call('SORT', 'l', 'BY', 'w_*')).toEqual(NOT_DOUBLE);
  });

  it('ALPHA without STORE compares as C strings: a NUL byte ends the comparison', () => {
    const { c } = withList('a\0b', 'a\0a', 'a', '\xff', '\x80x', 'b');
    // a\0b, a\0a and a compare equal and keep their list order (the sort is stable).
    expect(c.call('SORT', 'l', 'ALPHA')).toEqual(['a\0b', 'a\0a', 'a', 'b', '\x80x', '\xff']);
    expect(c.call('SORT', 'l', 'ALPHA', 'DESC')).toEqual(['\xff', '\x80x', 'b', 'a\0b', 'a\0a', 'a']);
  });

  it('ALPHA with STORE compares the whole binary strings', () => {
    const { c } = withList('a\0b', 'a\0a', 'a', '\xff', '\x80x', 'b');
    expect(c.call('SORT', 'l', 'ALPHA', 'STORE', 'd')).toBe(6);
    expect(c.call('LRANGE', 'd', 0, -1)).toEqual(['a', 'a\0a', 'a\0b', 'b', '\x80x', '\xff']);
  });

  it('BY with ALPHA sorts by the looked-up strings, missing ones first', () => {
    const { c } = withList('1', '2', '3', '4');
    c.call('MSET', 'n_1', 'pear', 'n_2', 'apple', 'n_4', 'fig');
    expect(c.call('SORT', 'l', 'BY', 'n_*', 'ALPHA')).toEqual(['3', '2', '4', '1']);
    expect(c.call('SORT', 'l', 'BY', 'n_*', 'ALPHA', 'DESC')).toEqual(['1', '4', '2', '3']);
  });

  it('BY key->field reads hash fields; another type or a missing field counts as missing', () => {
    const { c } = withList('1', '2', '3', '4');
    c.call('HSET', 'h_1', 'f', '30');
    c.call('HSET', 'h_2', 'f', '-5');
    c.call('HSET', 'h_3', 'g', '100');
    c.call('SET', 'h_4', '7');
    expect(c.call('SORT', 'l', 'BY', 'h_*->f')).toEqual(['2', '3', '4', '1']);
  });

  it('sorts sets and sorted sets by their members', () => {
    const { c } = withList();
    c.call('SADD', 's', '5', '3', 'x1', '4');
    c.call('SADD', 'n', '5', '3', '1', '4');
    c.call('ZADD', 'z', 1, 'a', 5, 'b', 2, 'c', 10, 'd', 3, 'e');
    expect(c.call('SORT', 'n')).toEqual(['1', '3', '4', '5']);
    expect(c.call('SORT', 's', 'ALPHA', 'DESC')).toEqual(['x1', '5', '4', '3']);
    expect(c.call('SORT', 's')).toEqual(NOT_DOUBLE);
    expect(c.call('SORT', 'z', 'ALPHA', 'DESC')).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  it('converts a listpack sorted set to a skiplist, even when the sort fails', () => {
    const { c } = withList();
    c.call('ZADD', 'z', 1, 'a');
    expect(c.call('OBJECT', 'ENCODING', 'z')).toBe('listpack');
    expect(c.call('SORT', 'z')).toEqual(NOT_DOUBLE);
    expect(c.call('OBJECT', 'ENCODING', 'z')).toBe('skiplist');
    expect(c.call('ZRANGE', 'z', 0, -1, 'WITHSCORES')).toEqual(['a', '1']);
  });

  it('answers an empty array for a missing key', () => {
    const { c } = withList();
    expect(c.call('SORT', 'nokey', 'BY', 'w_*', 'GET', '#', 'LIMIT', 0, 10)).toEqual([]);
  });
});

describe('SORT BY nosort', () => {
  it('keeps a list in its order, reversed by DESC, with LIMIT taken from that order', () => {
    const { c } = withList('5', '3', '4', '1', '2');
    expect(c.call('SORT', 'l', 'BY', 'nosort')).toEqual(['5', '3', '4', '1', '2']);
    expect(c.call('SORT', 'l', 'BY', 'nosort', 'DESC')).toEqual(['2', '1', '4', '3', '5']);
    expect(c.call('SORT', 'l', 'BY', 'nosort', 'LIMIT', 1, 3)).toEqual(['3', '4', '1']);
    expect(c.call('SORT', 'l', 'BY', 'nosort', 'DESC', 'LIMIT', 1, 3)).toEqual(['1', '4', '3']);
    expect(c.call('SORT', 'l', 'BY', 'nosort', 'LIMIT', 10, 3)).toEqual([]);
  });

  it('keeps a sorted set in score order, DESC from the top, LIMIT as a rank range', () => {
    const { c } = withList();
    c.call('ZADD', 'z', 1, 'a', 5, 'b', 2, 'c', 10, 'd', 3, 'e');
    expect(c.call('SORT', 'z', 'BY', 'nosort')).toEqual(['a', 'c', 'e', 'b', 'd']);
    expect(c.call('SORT', 'z', 'BY', 'nosort', 'DESC')).toEqual(['d', 'b', 'e', 'c', 'a']);
    expect(c.call('SORT', 'z', 'BY', 'nosort', 'ASC', 'LIMIT', 0, 2)).toEqual(['a', 'c']);
    expect(c.call('SORT', 'z', 'BY', 'nosort', 'DESC', 'LIMIT', 1, 2)).toEqual(['b', 'e']);
    expect(c.call('SORT', 'z', 'BY', 'nosort', 'DESC', 'LIMIT', 4, 10)).toEqual(['a']);
    expect(c.call('SORT', 'z', 'BY', 'nosort', 'LIMIT', 5, 10)).toEqual([]);
    expect(c.call('SORT', 'z', 'BY', 'nosort', 'LIMIT', -10, 100)).toEqual(['a', 'c', 'e', 'b', 'd']);
  });

  it('answers a set in its own order (DESC ignored), but sorts it ALPHA for STORE', () => {
    const { c } = withList();
    c.call('SADD', 's', '5', '3', '1', '4');
    expect(c.call('SORT', 's', 'BY', 'nosort')).toEqual(['1', '3', '4', '5']);
    expect(c.call('SORT', 's', 'BY', 'nosort', 'DESC', 'LIMIT', 1, 2)).toEqual(['3', '4']);
    c.call('SADD', 'w', 'b', 'aa', 'c', 'a');
    expect(c.call('SORT', 'w', 'BY', 'nosort', 'DESC', 'STORE', 'd')).toBe(4);
    expect(c.call('LRANGE', 'd', 0, -1)).toEqual(['c', 'b', 'aa', 'a']);
  });

  it('treats any BY pattern without * as nosort, even a constant that exists', () => {
    const { c } = withList('2', '1');
    c.call('SET', 'k', '5');
    expect(c.call('SORT', 'l', 'BY', 'k')).toEqual(['2', '1']);
    expect(c.call('SORT', 'l', 'BY', 'x\0*')).toEqual(['2', '1']);
  });

  it('stays unsorted once any BY was constant, whatever BY comes later', () => {
    const { c } = withList('3', '1', '2');
    c.call('MSET', 'w_1', '3', 'w_2', '2', 'w_3', '1');
    expect(c.call('SORT', 'l', 'BY', 'nosort', 'BY', 'w_*')).toEqual(['3', '1', '2']);
    expect(c.call('SORT', 'l', 'BY', 'w_*', 'BY', 'nosort')).toEqual(['3', '1', '2']);
    expect(c.call('SORT', 'l', 'BY', 'w_*')).toEqual(['3', '2', '1']);
  });
});

describe('SORT LIMIT', () => {
  const sorted = ['1', '2', '3', '4', '5', '6'];
  const cases: [string | number, string | number, string[]][] = [
    [1, 2, ['2', '3']],
    [-5, 2, ['1', '2']],
    [2, -1, ['3', '4', '5', '6']],
    [2, -100, ['3', '4', '5', '6']],
    [2, 0, []],
    [5, 100, ['6']],
    [6, 1, []],
    [100, -1, []],
    ['9223372036854775807', '9223372036854775807', []],
    ['-9223372036854775808', '-9223372036854775808', sorted],
    [0, '9223372036854775807', sorted],
  ];
  for (const [offset, count, want] of cases) {
    it(`LIMIT ${offset} ${count} clamps as Redis does`, () => {
      const { c } = withList('4', '6', '1', '3', '5', '2');
      expect(c.call('SORT', 'l', 'LIMIT', offset, count)).toEqual(want);
      expect(c.call('SORT', 'l', 'BY', 'w_*', 'LIMIT', offset, count)).toEqual(want);
    });
  }

  it('refuses offsets and counts that are not 64-bit integers', () => {
    const { c } = withList('1');
    expect(c.call('SORT', 'l', 'LIMIT', 'x', 1)).toEqual(NOT_INT);
    expect(c.call('SORT', 'l', 'LIMIT', 1, '9223372036854775808')).toEqual(NOT_INT);
    expect(c.call('SORT', 'l', 'LIMIT', 1)).toEqual(SYNTAX);
  });
});

describe('SORT GET', () => {
  it('answers each GET pattern per element, null for a missing key or field', () => {
    const { c } = withList('1', '2', '3');
    c.call('MSET', 'w_1', 'one', 'w_3', 'three');
    c.call('HSET', 'h_2', 'f', 'two');
    expect(c.call('SORT', 'l', 'GET', '#', 'GET', 'w_*', 'GET', 'h_*->f')).toEqual([
      '1', 'one', null,
      '2', null, 'two',
      '3', 'three', null,
    ]);
    expect(c.call('SORT', 'l', 'DESC', 'LIMIT', 0, 1, 'GET', 'w_*')).toEqual(['three']);
  });

  it('a GET pattern without * names nothing, even an existing key', () => {
    const { c } = withList('1', '2');
    c.call('SET', 'k', 'v');
    expect(c.call('SORT', 'l', 'GET', 'k')).toEqual([null, null]);
  });

  it('substitutes only the first *, and a trailing -> is part of the key name', () => {
    const { c } = withList('a', 'b');
    c.call('SET', 'k*a', 'star');
    c.call('SET', 'x:b->', 'arrow');
    c.call('HSET', 'y:a', '->f', 'hv');
    expect(c.call('SORT', 'l', 'ALPHA', 'GET', 'k**')).toEqual([null, null]);
    expect(c.call('SORT', 'l', 'ALPHA', 'GET', 'k*')).toEqual([null, null]);
    expect(c.call('SORT', 'l', 'ALPHA', 'GET', 'x:*->')).toEqual([null, 'arrow']);
    expect(c.call('SORT', 'l', 'ALPHA', 'GET', 'y:*->->f')).toEqual(['hv', null]);
  });

  it('reads patterns as C strings: # followed by a NUL is still #, a * after a NUL is not seen', () => {
    const { c } = withList('a', 'b');
    c.call('SET', 'p\0*a', 'hidden');
    expect(c.call('SORT', 'l', 'ALPHA', 'GET', '#\0junk')).toEqual(['a', 'b']);
    expect(c.call('SORT', 'l', 'ALPHA', 'GET', 'p\0*')).toEqual([null, null]);
  });

  it('GET of a key of another type is null', () => {
    const { c } = withList('1');
    c.call('RPUSH', 'w_1', 'x');
    c.call('SET', 'h_1', 'plain');
    expect(c.call('SORT', 'l', 'GET', 'w_*', 'GET', 'h_*->f')).toEqual([null, null]);
  });
});

describe('SORT errors', () => {
  it('answers WRONGTYPE for a string or a hash', () => {
    const { c } = withList();
    c.call('SET', 'str', 'x');
    c.call('HSET', 'h', 'a', 'b');
    expect(c.call('SORT', 'str')).toEqual(WRONGTYPE);
    expect(c.call('SORT', 'h', 'ALPHA')).toEqual(WRONGTYPE);
  });

  it('checks the syntax before the type of the key', () => {
    const { c } = withList();
    c.call('SET', 'str', 'x');
    expect(c.call('SORT', 'str', 'foo')).toEqual(SYNTAX);
    for (const tail of [['GET'], ['BY'], ['STORE'], ['LIMIT', '0'], ['ALPHA', 'nope']]) {
      expect(c.call('SORT', 'str', ...tail)).toEqual(SYNTAX);
    }
  });

  it('checks arity', () => {
    const { c } = withList();
    expect(c.call('SORT')).toEqual({ error: "ERR wrong number of arguments for 'sort' command" });
  });
});
