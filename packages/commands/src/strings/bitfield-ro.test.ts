// BITFIELD_RO runs only GET subcommands and refuses any write after parsing all of them.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('BITFIELD_RO', () => {
  it('reads fields', () => {
    const c = new Harness().client();
    c.call('BITFIELD', 'bits', 'SET', 'u8', 0, 255, 'SET', 'u8', 0, 100);
    expect(c.call('BITFIELD_RO', 'bits', 'GET', 'u8', 0, 'GET', 'i4', 0)).toEqual([100, 6]);
    expect(c.call('BITFIELD_RO', 'bits')).toEqual([]);
  });

  it('refuses writes, but reports parse errors first', () => {
    const c = new Harness().client();
    expect(c.call('BITFIELD_RO', 'bits', 'SET', 'u8', 0, 100, 'GET', 'u8', 0)).toEqual({ error: 'ERR BITFIELD_RO only supports the GET subcommand' });
    expect(c.call('BITFIELD_RO', 'bits', 'INCRBY', 'u8', 0, 1, 'GET', 'u99', 0)).toEqual({ error: 'ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.' });
    expect(c.call('EXISTS', 'bits')).toBe(0);
  });

  it('needs a key', () => {
    expect(new Harness().client().call('BITFIELD_RO')).toEqual({ error: "ERR wrong number of arguments for 'bitfield_ro' command" });
  });
});
