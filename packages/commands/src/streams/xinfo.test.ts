// XINFO STREAM (plain and FULL), GROUPS and CONSUMERS report Redis 7.0's fields, including
// entries-read and lag through XDELs and trims; XSETID sets last ID, entries-added and
// max-deleted-ID with Redis's checks.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

type Info = Record<string, unknown>;
function dict(flat: unknown): Info {
  const a = flat as unknown[];
  const out: Info = {};
  for (let i = 0; i < a.length; i += 2) out[a[i] as string] = a[i + 1];
  return out;
}

describe('XINFO STREAM', () => {
  it('reports length, node counts, IDs, counters and first/last entries', () => {
    const c = new Harness().client();
    c.call('XADD', 's', '1-0', 'a', '1');
    c.call('XADD', 's', '2-0', 'b', '2');
    c.call('XGROUP', 'CREATE', 's', 'g', '0');
    expect(c.call('XINFO', 'STREAM', 's')).toEqual([
      'length', 2, 'radix-tree-keys', 1, 'radix-tree-nodes', 2, 'last-generated-id', '2-0', 'max-deleted-entry-id', '0-0',
      'entries-added', 2, 'recorded-first-entry-id', '1-0', 'groups', 1, 'first-entry', ['1-0', ['a', '1']], 'last-entry', ['2-0', ['b', '2']],
    ]);
  });

  it('counts radix-tree nodes as Redis does for several nodes', () => {
    const c = new Harness().client();
    c.call('CONFIG', 'SET', 'stream-node-max-entries', '10');
    for (let i = 1; i <= 12; i++) c.call('XADD', 'y', `${i}-0`, 'a', 'b');
    const info = dict(c.call('XINFO', 'STREAM', 'y'));
    expect([info['radix-tree-keys'], info['radix-tree-nodes']]).toEqual([2, 6]);
  });

  it('starts a new node where the Redis listpack would pass stream-node-max-bytes', () => {
    const c = new Harness().client();
    c.call('XADD', 'z', '1-0', 'a', 'b');
    for (let i = 2; i <= 201; i++) c.call('XADD', 'z', `${i}-0`, 'a', 'x'.repeat(100));
    expect(dict(c.call('XINFO', 'STREAM', 'z'))['radix-tree-keys']).toBe(6);
  });

  it('FULL lists entries, groups with PEL and consumers, limited by COUNT', () => {
    const h = new Harness();
    const c = h.client();
    c.call('XADD', 's', '1-0', 'a', '1');
    c.call('XADD', 's', '2-0', 'b', '2');
    c.call('XGROUP', 'CREATE', 's', 'g', '0');
    c.call('XREADGROUP', 'GROUP', 'g', 'alice', 'STREAMS', 's', '>');
    const t = h.clock.nowMs();
    const full = dict(c.call('XINFO', 'STREAM', 's', 'FULL', 'COUNT', '1'));
    expect(full.entries).toEqual([['1-0', ['a', '1']]]);
    expect(full.groups).toEqual([[
      'name', 'g', 'last-delivered-id', '2-0', 'entries-read', 2, 'lag', 0, 'pel-count', 2,
      'pending', [['1-0', 'alice', t, 1]],
      'consumers', [['name', 'alice', 'seen-time', t, 'pel-count', 2, 'pending', [['1-0', t, 1]]]],
    ]]);
  });

  it('answers ERR no such key, WRONGTYPE and syntax errors', () => {
    const c = new Harness().client();
    expect(c.call('XINFO', 'STREAM', 'nokey')).toEqual({ error: 'ERR no such key' });
    c.call('XADD', 's', '1-0', 'a', '1');
    expect(c.call('XINFO', 'STREAM', 's', 'FOO')).toEqual({ error: "ERR unknown subcommand or wrong number of arguments for 'STREAM'. Try XINFO HELP." });
    c.call('SET', 'k', 'v');
    expect(c.call('XINFO', 'GROUPS', 'k')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    expect(c.call('XINFO', 'CONSUMERS', 's', 'nog')).toEqual({ error: "NOGROUP No such consumer group 'nog' for key name 's'" });
  });
});

describe('XINFO GROUPS lag and XINFO CONSUMERS', () => {
  const lagOf = (c: ReturnType<Harness['client']>, i = 0) => {
    const g = dict((c.call('XINFO', 'GROUPS', 'x') as unknown[])[i]);
    return [g['entries-read'], g.lag];
  };

  it('tracks entries-read and lag through XDELs and trims like Redis', () => {
    const c = new Harness().client();
    for (let i = 1; i <= 5; i++) c.call('XADD', 'x', `${i}-0`, 'data', String(i));
    c.call('XDEL', 'x', '3-0');
    c.call('XGROUP', 'CREATE', 'x', 'g1', '0');
    c.call('XGROUP', 'CREATE', 'x', 'g2', '0');
    expect(lagOf(c)).toEqual([null, null]);
    for (let i = 0; i < 3; i++) c.call('XREADGROUP', 'GROUP', 'g1', 'c', 'COUNT', '1', 'STREAMS', 'x', '>');
    expect(lagOf(c)).toEqual([null, null]);
    c.call('XREADGROUP', 'GROUP', 'g1', 'c', 'COUNT', '1', 'STREAMS', 'x', '>');
    expect(lagOf(c)).toEqual([5, 0]);
    c.call('XADD', 'x', '6-0', 'data', '6');
    expect(lagOf(c)).toEqual([5, 1]);
    c.call('XTRIM', 'x', 'MINID', '=', '3-0');
    expect([lagOf(c), lagOf(c, 1)]).toEqual([[5, 1], [null, 3]]);
    c.call('XTRIM', 'x', 'MINID', '=', '5-0');
    expect([lagOf(c), lagOf(c, 1)]).toEqual([[5, 1], [null, 2]]);
  });

  it('CONSUMERS reports pending counts and idle time', () => {
    const h = new Harness();
    const c = h.client();
    c.call('XADD', 'x', '1-0', 'f', 'v');
    c.call('XGROUP', 'CREATE', 'x', 'g', '0');
    c.call('XGROUP', 'CREATECONSUMER', 'x', 'g', 'zed');
    c.call('XREADGROUP', 'GROUP', 'g', 'amy', 'STREAMS', 'x', '>');
    h.advance(25);
    expect(c.call('XINFO', 'CONSUMERS', 'x', 'g')).toEqual([['name', 'amy', 'pending', 1, 'idle', 25], ['name', 'zed', 'pending', 0, 'idle', 25]]);
  });
});

describe('XSETID', () => {
  it('sets the last ID, entries-added and max-deleted-ID', () => {
    const c = new Harness().client();
    c.call('XADD', 's', '1-1', 'a', 'b');
    expect(c.call('XSETID', 's', '99-0', 'ENTRIESADDED', '10', 'MAXDELETEDID', '5-0')).toEqual({ simple: 'OK' });
    const info = dict(c.call('XINFO', 'STREAM', 's'));
    expect([info['last-generated-id'], info['entries-added'], info['max-deleted-entry-id']]).toEqual(['99-0', 10, '5-0']);
    expect(c.call('XADD', 's', '99-*', 'a', 'b')).toBe('99-1');
  });

  it('refuses IDs and counters that would break the stream', () => {
    const c = new Harness().client();
    c.call('XADD', 's', '5-0', 'a', 'b');
    expect(c.call('XSETID', 's', '1-0')).toEqual({ error: 'ERR The ID specified in XSETID is smaller than the target stream top item' });
    expect(c.call('XSETID', 's', '9-0', 'ENTRIESADDED', '0')).toEqual({ error: 'ERR The entries_added specified in XSETID is smaller than the target stream length' });
    expect(c.call('XSETID', 's', '9-0', 'ENTRIESADDED', '-1')).toEqual({ error: 'ERR entries_added must be positive' });
    expect(c.call('XSETID', 's', '9-0', 'MAXDELETEDID', '10-0')).toEqual({ error: 'ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id' });
    expect(c.call('XSETID', 's', '9-0', 'FOO')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('XSETID', 'nokey', '9-0')).toEqual({ error: 'ERR no such key' });
  });
});
