// MIGRATE's argument parsing: options in any order, KEYS taking the rest, Redis's errors and
// checking order (options first, then timeout, then database), and the default timeout.
import { describe, expect, it } from 'vitest';
import { parseMigrateArgs } from './migrate-args.js';

const base = ['MIGRATE', 'h', '6379', 'k', '2', '500'];

describe('parseMigrateArgs', () => {
  it('reads the plain form', () => {
    expect(parseMigrateArgs(base)).toEqual({
      host: 'h', port: '6379', dbid: 2, timeoutMs: 500, copy: false, replace: false, username: null, password: null, keys: ['k'],
    });
  });

  it('reads COPY, REPLACE, AUTH and AUTH2 in any case and order', () => {
    const a = parseMigrateArgs([...base, 'replace', 'Copy', 'AUTH', 'pw']);
    expect([a.copy, a.replace, a.username, a.password]).toEqual([true, true, null, 'pw']);
    const b = parseMigrateArgs([...base, 'auth2', 'user', 'secret']);
    expect([b.username, b.password]).toEqual(['user', 'secret']);
  });

  it('takes every argument after KEYS as a key, once the key argument is empty', () => {
    const a = parseMigrateArgs(['MIGRATE', 'h', '1', '', '0', '10', 'COPY', 'KEYS', 'a', 'copy', 'b']);
    expect(a.keys).toEqual(['a', 'copy', 'b']);
    expect(a.copy).toBe(true);
    expect(parseMigrateArgs(['MIGRATE', 'h', '1', '', '0', '10', 'KEYS']).keys).toEqual([]);
    expect(() => parseMigrateArgs([...base, 'KEYS', 'a'])).toThrow(
      'ERR When using MIGRATE KEYS option, the key argument must be set to the empty string');
  });

  it('answers a syntax error for unknown options and missing AUTH values', () => {
    expect(() => parseMigrateArgs([...base, 'nope'])).toThrow('ERR syntax error');
    expect(() => parseMigrateArgs([...base, 'AUTH'])).toThrow('ERR syntax error');
    expect(() => parseMigrateArgs([...base, 'AUTH2', 'user'])).toThrow('ERR syntax error');
  });

  it('checks the options before the numbers, and makes a timeout of 0 or less one second', () => {
    expect(() => parseMigrateArgs(['MIGRATE', 'h', '1', 'k', 'x', 'y', 'bogus'])).toThrow('ERR syntax error');
    expect(() => parseMigrateArgs(['MIGRATE', 'h', '1', 'k', '0', 'soon'])).toThrow('ERR value is not an integer or out of range');
    expect(() => parseMigrateArgs(['MIGRATE', 'h', '1', 'k', 'db', '10'])).toThrow('ERR value is not an integer or out of range');
    expect(parseMigrateArgs(['MIGRATE', 'h', '1', 'k', '0', '0']).timeoutMs).toBe(1000);
    expect(parseMigrateArgs(['MIGRATE', 'h', '1', 'k', '0', '-5']).timeoutMs).toBe(1000);
  });
});
