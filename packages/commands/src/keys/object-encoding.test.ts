// OBJECT ENCODING answers int, embstr or raw for strings by Redis's rules, nil when missing.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('OBJECT ENCODING', () => {
  it('answers int, embstr or raw by the string value', () => {
    const c = new Harness().client();
    const cases: [string, string][] = [
      ['12345', 'int'], ['-7', 'int'], ['9223372036854775807', 'int'], ['9223372036854775808', 'embstr'],
      ['007', 'embstr'], ['-0', 'embstr'], ['1.5', 'embstr'], ['hello', 'embstr'],
      ['x'.repeat(44), 'embstr'], ['x'.repeat(45), 'raw'],
    ];
    for (const [value, encoding] of cases) {
      c.call('SET', 'k', value);
      expect([value, c.call('OBJECT', 'ENCODING', 'k')]).toEqual([value, encoding]);
    }
  });

  it('answers raw after an in-place edit until the value is rewritten', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'k', '1234');
    const e = h.keyspace.db(0).peek('k');
    if (e === undefined) throw new Error('key missing');
    e.rawString = true;
    expect(c.call('OBJECT', 'ENCODING', 'k')).toBe('raw');
    c.call('SET', 'k', '1234');
    expect(c.call('OBJECT', 'ENCODING', 'k')).toBe('int');
  });

  it('answers nil for a missing key and the wrong-arity error without one', () => {
    const c = new Harness().client();
    expect(c.call('OBJECT', 'ENCODING', 'nokey')).toBeNull();
    expect(c.call('OBJECT', 'ENCODING')).toEqual({ error: "ERR wrong number of arguments for 'object|encoding' command" });
  });

  it('rejects an unknown subcommand and a bare OBJECT', () => {
    const c = new Harness().client();
    expect(c.call('OBJECT', 'FOO', 'k')).toEqual({ error: "ERR unknown subcommand 'FOO'. Try OBJECT HELP." });
    expect(c.call('OBJECT')).toEqual({ error: "ERR wrong number of arguments for 'object' command" });
  });
});
