// XGROUP CREATE (MKSTREAM, ENTRIESREAD, $), SETID, DESTROY, CREATECONSUMER and DELCONSUMER
// change a stream's consumer groups with Redis's replies, errors and events.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function stream() {
  const h = new Harness();
  const c = h.client();
  c.call('XADD', 's', '1-1', 'a', '1');
  c.call('XADD', 's', '2-1', 'b', '2');
  return { h, c };
}
const groups = (c: ReturnType<Harness['client']>) => c.call('XINFO', 'GROUPS', 's');

describe('XGROUP CREATE', () => {
  it('creates a group at an ID or at $, and refuses a duplicate name', () => {
    const { c } = stream();
    expect(c.call('XGROUP', 'CREATE', 's', 'g', '0')).toEqual({ simple: 'OK' });
    expect(c.call('XGROUP', 'CREATE', 's', 'h', '$', 'ENTRIESREAD', '2')).toEqual({ simple: 'OK' });
    expect(c.call('XGROUP', 'CREATE', 's', 'g', '0')).toEqual({ error: 'BUSYGROUP Consumer Group name already exists' });
    expect(groups(c)).toEqual([
      ['name', 'g', 'consumers', 0, 'pending', 0, 'last-delivered-id', '0-0', 'entries-read', null, 'lag', 2],
      ['name', 'h', 'consumers', 0, 'pending', 0, 'last-delivered-id', '2-1', 'entries-read', 2, 'lag', 0],
    ]);
  });

  it('needs the key unless MKSTREAM creates an empty stream', () => {
    const c = new Harness().client();
    expect(c.call('XGROUP', 'CREATE', 'n', 'g', '$')).toEqual({ error: 'ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.' });
    expect(c.call('XGROUP', 'CREATE', 'n', 'g', '$', 'MKSTREAM')).toEqual({ simple: 'OK' });
    expect(c.call('TYPE', 'n')).toEqual({ simple: 'stream' });
    expect(c.call('XLEN', 'n')).toBe(0);
  });

  it('answers Redis errors for bad options and IDs', () => {
    const { c } = stream();
    expect(c.call('XGROUP', 'CREATE', 's', 'g', '0', 'foo')).toEqual({ error: "ERR unknown subcommand or wrong number of arguments for 'CREATE'. Try XGROUP HELP." });
    expect(c.call('XGROUP', 'CREATE', 's', 'g', '0', 'ENTRIESREAD', '-2')).toEqual({ error: 'ERR value for ENTRIESREAD must be positive or -1' });
    expect(c.call('XGROUP', 'CREATE', 's', 'g', '+')).toEqual({ error: 'ERR Invalid stream ID specified as stream command argument' });
    expect(c.call('XGROUP', 'CREATE', 's')).toEqual({ error: "ERR wrong number of arguments for 'xgroup|create' command" });
    expect(c.call('XGROUP', 'FOO')).toEqual({ error: "ERR unknown subcommand 'FOO'. Try XGROUP HELP." });
    c.call('SET', 'k', 'v');
    expect(c.call('XGROUP', 'CREATE', 'k', 'g', '$')).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
  });
});

describe('XGROUP SETID, DESTROY, CREATECONSUMER, DELCONSUMER', () => {
  it('SETID moves the last-delivered ID and sets entries-read', () => {
    const { c } = stream();
    c.call('XGROUP', 'CREATE', 's', 'g', '0');
    expect(c.call('XGROUP', 'SETID', 's', 'g', '$')).toEqual({ simple: 'OK' });
    expect(c.call('XGROUP', 'SETID', 's', 'g', '1-1', 'ENTRIESREAD', '1')).toEqual({ simple: 'OK' });
    expect(groups(c)).toEqual([['name', 'g', 'consumers', 0, 'pending', 0, 'last-delivered-id', '1-1', 'entries-read', 1, 'lag', 1]]);
    expect(c.call('XGROUP', 'SETID', 's', 'nog', '0')).toEqual({ error: "NOGROUP No such consumer group 'nog' for key name 's'" });
    expect(c.call('XGROUP', 'SETID', 's', 'g', '0', 'MKSTREAM')).toEqual({ error: "ERR unknown subcommand or wrong number of arguments for 'SETID'. Try XGROUP HELP." });
  });

  it('CREATECONSUMER answers 1 then 0; DELCONSUMER answers the pending count', () => {
    const { c } = stream();
    c.call('XGROUP', 'CREATE', 's', 'g', '0');
    expect(c.call('XGROUP', 'CREATECONSUMER', 's', 'g', 'alice')).toBe(1);
    expect(c.call('XGROUP', 'CREATECONSUMER', 's', 'g', 'alice')).toBe(0);
    c.call('XREADGROUP', 'GROUP', 'g', 'bob', 'STREAMS', 's', '>');
    expect(c.call('XGROUP', 'DELCONSUMER', 's', 'g', 'bob')).toBe(2);
    expect(c.call('XGROUP', 'DELCONSUMER', 's', 'g', 'bob')).toBe(0);
    expect(c.call('XPENDING', 's', 'g')).toEqual([0, null, null, null]);
    expect(c.call('XGROUP', 'CREATECONSUMER', 's', 'nog', 'x')).toEqual({ error: "NOGROUP No such consumer group 'nog' for key name 's'" });
  });

  it('DESTROY answers 1 for a group it removed, 0 otherwise', () => {
    const { c } = stream();
    c.call('XGROUP', 'CREATE', 's', 'g', '0');
    expect(c.call('XGROUP', 'DESTROY', 's', 'g')).toBe(1);
    expect(c.call('XGROUP', 'DESTROY', 's', 'g')).toBe(0);
    expect(groups(c)).toEqual([]);
  });

  it('emits xgroup-* events', () => {
    const { h, c } = stream();
    c.call('CONFIG', 'SET', 'notify-keyspace-events', 'KEt');
    const sub = h.client();
    sub.call('PSUBSCRIBE', '__keyevent@0__:*');
    sub.drain();
    c.call('XGROUP', 'CREATE', 's', 'g', '0');
    c.call('XGROUP', 'SETID', 's', 'g', '0');
    c.call('XGROUP', 'CREATECONSUMER', 's', 'g', 'a');
    c.call('XGROUP', 'DELCONSUMER', 's', 'g', 'a');
    c.call('XGROUP', 'DESTROY', 's', 'g');
    expect(sub.drain().map((p) => (p as string[])[2])).toEqual([
      '__keyevent@0__:xgroup-create', '__keyevent@0__:xgroup-setid', '__keyevent@0__:xgroup-createconsumer',
      '__keyevent@0__:xgroup-delconsumer', '__keyevent@0__:xgroup-destroy',
    ]);
  });

  it('HELP lists the subcommands', () => {
    const r = new Harness().client().call('XGROUP', 'HELP') as { simple: string }[];
    expect(r[0]).toEqual({ simple: 'XGROUP <subcommand> [<arg> [value] [opt] ...]. Subcommands are:' });
    expect(r.length).toBe(17);
  });
});
