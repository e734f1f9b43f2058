// XDEL removes listed entries (counting only existing ones); XTRIM trims by MAXLEN/MINID
// exactly or by whole nodes with ~, honouring LIMIT, with Redis's errors.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('XDEL', () => {
  it('deletes existing IDs and counts them', () => {
    const c = new Harness().client();
    for (const id of ['1-0', '2-0', '3-0']) c.call('XADD', 's', id, 'f', 'v');
    expect(c.call('XDEL', 's', '2-0', '2-0', '9-0')).toBe(1);
    expect(c.call('XRANGE', 's', '-', '+')).toEqual([['1-0', ['f', 'v']], ['3-0', ['f', 'v']]]);
    expect(c.call('XDEL', 'nokey', '1-0')).toBe(0);
  });

  it('keeps the key when the stream empties', () => {
    const c = new Harness().client();
    c.call('XADD', 's', '1-0', 'f', 'v');
    expect(c.call('XDEL', 's', '1-0')).toBe(1);
    expect(c.call('EXISTS', 's')).toBe(1);
    expect(c.call('XLEN', 's')).toBe(0);
  });

  it('checks every ID before deleting any', () => {
    const c = new Harness().client();
    c.call('XADD', 's', '1-0', 'f', 'v');
    expect(c.call('XDEL', 's', '1-0', 'bad')).toEqual({ error: 'ERR Invalid stream ID specified as stream command argument' });
    expect(c.call('XLEN', 's')).toBe(1);
  });
});

describe('XTRIM', () => {
  it('trims exactly by MAXLEN and MINID', () => {
    const c = new Harness().client();
    for (let i = 1; i <= 10; i++) c.call('XADD', 's', `${i}-0`, 'f', 'v');
    expect(c.call('XTRIM', 's', 'MAXLEN', '7')).toBe(3);
    expect(c.call('XTRIM', 's', 'MINID', '=', '6')).toBe(2);
    expect(c.call('XRANGE', 's', '-', '+', 'COUNT', '1')).toEqual([['6-0', ['f', 'v']]]);
    expect(c.call('XTRIM', 'nokey', 'MAXLEN', '1')).toBe(0);
  });

  it('with ~ removes whole nodes only, and LIMIT caps it', () => {
    const c = new Harness().client();
    c.call('CONFIG', 'SET', 'stream-node-max-entries', '10');
    for (let i = 1; i <= 100; i++) c.call('XADD', 's', `${i}-0`, 'f', 'v');
    expect(c.call('XTRIM', 's', 'MAXLEN', '~', '55')).toBe(40);
    expect(c.call('XTRIM', 's', 'MAXLEN', '~', '0', 'LIMIT', '30')).toBe(30);
    expect(c.call('XLEN', 's')).toBe(30);
  });

  it('without ~ is not limited', () => {
    const c = new Harness().client();
    c.call('CONFIG', 'SET', 'stream-node-max-entries', '1');
    for (let i = 1; i <= 102; i++) c.call('XADD', 's', `${i}-0`, 'f', 'v');
    expect(c.call('XTRIM', 's', 'MAXLEN', '1')).toBe(101);
  });

  it('answers Redis errors', () => {
    const c = new Harness().client();
    expect(c.call('XTRIM', 's', 'LIMIT', '1')).toEqual({ error: 'ERR syntax error, LIMIT cannot be used without specifying a trimming strategy' });
    expect(c.call('XTRIM', 's', 'FOO', '1')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('XTRIM', 's', 'MAXLEN', '1', 'LIMIT', '1')).toEqual({ error: 'ERR syntax error, LIMIT cannot be used without the special ~ option' });
    expect(c.call('XTRIM', 's', 'MINID', '-', 'x')).toEqual({ error: 'ERR Invalid stream ID specified as stream command argument' });
    c.call('SET', 'k', 'v');
    expect(c.call('XTRIM', 'k', 'MAXLEN', '1')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});
