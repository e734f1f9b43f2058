// globMatch follows Redis's stringmatchlen exactly (cases checked against redis-server 7.0.15),
// and stays linear-time on patterns that make naive backtracking explode.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { globMatch, isLiteralPattern } from './glob.js';

const cases: [pattern: string, subject: string, matches: boolean][] = [
  ['*', 'abc', true], ['?', 'a', true], ['a?c', 'abc', true], ['a?c', 'ac', false],
  ['a*b*c', 'aXbYc', true], ['a*b*c', 'aXbY', false], ['**a', 'ba', true], ['*a*', 'bbb', false],
  // classes, ranges (either order), negation
  ['h[ae]llo', 'hello', true], ['h[ae]llo', 'hillo', false], ['h[^e]llo', 'hallo', true], ['h[^e]llo', 'hello', false],
  ['h[a-b]llo', 'hbllo', true], ['h[b-a]llo', 'hallo', true], ['[z-a]', 'm', true], ['[A-Z]', 'a', false],
  // a '-' before ']' makes a range up to ']' and leaves the class unterminated
  ['h[a-]llo', 'h-llo', false], ['[a-]', ']', true], ['[a-]', '^', true], ['[a-]', 'b', false],
  // unterminated classes end the pattern
  ['[abc', 'a', true], ['[abc', 'ab', false], ['ab[', 'ab', false], ['ab[', 'abc', false], ['[^', 'x', true],
  // "[]" is an empty class: it matches nothing
  ['[]', ']', false], ['[]a]', 'a', false], ['[]a]', ']a]', false], ['[[]', '[', true],
  // escapes, inside and outside classes; a trailing backslash is literal
  ['\\*', '*', true], ['\\*', 'a', false], ['a\\', 'a\\', true], ['[\\]]', ']', true], ['[\\', '\\', true],
  ['[\\', 'a', false], ['*\\?', 'x?', true], ['h\\[llo', 'h[llo', true], ['[\\a-c]', 'b', false], ['[\\a-c]', '-', true],
  // the empty subject matches only the empty pattern
  ['', '', true], ['*', '', false], ['**', '', false], ['?', '', false], ['[^', '', false],
];

describe('globMatch', () => {
  it.each(cases)('%j against %j is %s', (pattern, subject, matches) => {
    expect(globMatch(pattern, subject)).toBe(matches);
  });

  it('with nocase folds ASCII letters in literals, escapes and ranges', () => {
    expect(globMatch('HeLLo', 'hello', true)).toBe(true);
    expect(globMatch('HeLLo', 'hello', false)).toBe(false);
    expect(globMatch('\\H*', 'hat', true)).toBe(true);
    expect(globMatch('[A-C]x', 'bX', true)).toBe(true);
    expect(globMatch('[^A-C]', 'b', true)).toBe(false);
  });

  it('with nocase still compares an escaped class member exactly', () => {
    expect(globMatch('[\\A]', 'a', true)).toBe(false);
    expect(globMatch('[\\A]', 'A', true)).toBe(true);
  });

  it('orders range bounds before folding them, so [Z-a] with nocase matches nothing', () => {
    expect(globMatch('[Z-a]', 'm', true)).toBe(false);
    expect(globMatch('[Z-a]', '_', false)).toBe(true);
  });

  it('compares range bounds as signed bytes, as C chars', () => {
    // \xff is -1 as a signed char: [a-\xff] is the range -1..97.
    expect(globMatch('[a-\xff]', '\xff')).toBe(true);
    expect(globMatch('[a-\xff]', 'A')).toBe(true);
    expect(globMatch('[a-\xff]', 'b')).toBe(false);
    expect(globMatch('[a-\xff]', '\x80')).toBe(false);
  });

  it('is binary safe', () => {
    expect(globMatch('a\x00*', 'a\x00\xfe')).toBe(true);
    expect(globMatch('?', '\x00')).toBe(true);
  });

  it('fails fast on a pathological pattern against a long subject', () => {
    const subject = 'a'.repeat(10_000);
    const start = performance.now();
    expect(globMatch('a*a*a*a*a*a*a*b', subject)).toBe(false);
    expect(globMatch(`${'a*'.repeat(20)}b`, subject)).toBe(false);
    expect(globMatch('*a*a*a*a*a*a*a', subject)).toBe(true);
    expect(performance.now() - start).toBeLessThan(200);
  });
});

describe('isLiteralPattern', () => {
  it('is true only without * ? [ or backslash', () => {
    expect(isLiteralPattern('plain:key')).toBe(true);
    expect(isLiteralPattern('')).toBe(true);
    for (const p of ['a*', 'a?', 'a[b]', 'a\\b', 'a]']) expect([p, isLiteralPattern(p)]).toEqual([p, p === 'a]']);
  });
});
