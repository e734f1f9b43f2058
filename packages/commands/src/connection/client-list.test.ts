// CLIENT LIST / INFO / ID: Redis 7.0's line format, field by field, and the TYPE and ID filters.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

/** The text of a verbatim reply: a bulk string in RESP2. */
function text(r: unknown): string {
  return typeof r === 'string' ? r : (r as { verbatim: string }).verbatim;
}

function fields(line: string): Record<string, string> {
  return Object.fromEntries(line.split(' ').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
}

describe('CLIENT LIST and CLIENT INFO', () => {
  it('writes every field of Redis 7.0 in order', () => {
    const h = new Harness();
    const c = h.client('127.0.0.1:50123');
    const line = text(c.call('CLIENT', 'INFO'));
    expect(line.endsWith('\n')).toBe(true);
    expect(line).toMatch(new RegExp(
      `^id=${c.session.id} addr=127\\.0\\.0\\.1:50123 laddr=127\\.0\\.0\\.1:6379 fd=8 name= age=0 idle=0 flags=N db=0 ` +
      'sub=0 psub=0 ssub=0 multi=-1 qbuf=0 qbuf-free=\\d+ argv-mem=10 multi-mem=0 rbs=16384 rbp=16384 obl=0 oll=0 ' +
      'omem=0 tot-mem=\\d+ events=r cmd=client\\|info user=default redir=-1 resp=2\n$'));
  });

  it('shows the state of other clients: name, db, flags, subscriptions, MULTI, age and idle', () => {
    const h = new Harness();
    const me = h.client();
    const other = h.client('10.0.0.1:4000');
    other.call('CLIENT', 'SETNAME', 'worker');
    other.call('SELECT', 2);
    other.send('SUBSCRIBE', 'a', 'b');
    other.call('PSUBSCRIBE', 'p*');
    h.advance(5000);
    const third = h.client();
    third.call('MULTI');
    third.call('SET', 'k', 'v');
    h.advance(2000);
    const lines = text(me.call('CLIENT', 'LIST')).split('\n');
    expect(lines.length).toBe(4);
    expect(lines[3]).toBe('');
    const o = fields(lines.find((l) => l.includes('addr=10.0.0.1:4000')) as string);
    expect([o.name, o.db, o.flags, o.sub, o.psub, o.ssub, o.age, o.idle, o.cmd, o.multi]).toEqual(
      ['worker', '2', 'P', '2', '1', '0', '7', '7', 'psubscribe', '-1']);
    const t = fields(lines.find((l) => l.startsWith(`id=${third.session.id} `)) as string);
    expect([t.flags, t.multi, t['multi-mem'], t.idle]).toEqual(['x', '1', String(3 + 1 + 1 + 3 * 8), '2']);
  });

  it('marks MONITOR, no-evict and no-touch clients', () => {
    const h = new Harness();
    const c = h.client();
    c.call('CLIENT', 'NO-EVICT', 'on');
    c.call('CLIENT', 'NO-TOUCH', 'on');
    expect(fields(text(c.call('CLIENT', 'INFO'))).flags).toBe('eT');
    const m = h.client();
    m.call('MONITOR');
    const line = text(c.call('CLIENT', 'LIST', 'ID', m.session.id));
    expect(fields(line.trimEnd()).flags).toBe('O');
  });

  it('TYPE filters normal and pubsub clients and refuses unknown types', () => {
    const h = new Harness();
    const c = h.client();
    const sub = h.client();
    sub.call('SUBSCRIBE', 'ch');
    const pubsub = text(c.call('CLIENT', 'LIST', 'TYPE', 'pubsub'));
    expect(pubsub.split('\n').filter(Boolean).map((l) => fields(l).id)).toEqual([String(sub.session.id)]);
    const normal = text(c.call('CLIENT', 'LIST', 'TYPE', 'NORMAL'));
    expect(normal.split('\n').filter(Boolean).map((l) => fields(l).id)).toEqual([String(c.session.id)]);
    expect(text(c.call('CLIENT', 'LIST', 'TYPE', 'replica'))).toBe('');
    expect(text(c.call('CLIENT', 'LIST', 'TYPE', 'master'))).toBe('');
    expect(c.call('CLIENT', 'LIST', 'TYPE', 'foo')).toEqual({ error: "ERR Unknown client type 'foo'" });
  });

  it('ID lists the given clients that exist, in the order asked', () => {
    const h = new Harness();
    const a = h.client();
    const b = h.client();
    const ids = text(a.call('CLIENT', 'LIST', 'ID', b.session.id, 999, a.session.id)).split('\n').filter(Boolean).map((l) => fields(l).id);
    expect(ids).toEqual([String(b.session.id), String(a.session.id)]);
    expect(a.call('CLIENT', 'LIST', 'ID', 'abc')).toEqual({ error: 'ERR Invalid client ID' });
  });

  it('other argument shapes are syntax errors', () => {
    const c = new Harness().client();
    expect(c.call('CLIENT', 'LIST', 'foo')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('CLIENT', 'LIST', 'TYPE', 'normal', 'x')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('CLIENT', 'LIST', 'ID')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('CLIENT', 'INFO', 'x')).toEqual({ error: "ERR wrong number of arguments for 'client|info' command" });
  });

  it('CLIENT LIST answers a verbatim string in RESP3 and a bulk string in RESP2', () => {
    const c = new Harness().client();
    expect(c.raw('CLIENT', 'INFO')).toMatch(/^\$\d+\r\nid=/);
    c.call('HELLO', 3);
    expect(c.raw('CLIENT', 'INFO')).toMatch(/^=\d+\r\ntxt:id=/);
  });
});

describe('CLIENT ID', () => {
  it('answers the connection id, increasing per connection', () => {
    const h = new Harness();
    const a = h.client();
    const b = h.client();
    expect(a.call('CLIENT', 'ID')).toBe(a.session.id);
    expect(b.call('CLIENT', 'ID')).toBe(a.session.id + 1);
  });
});

describe('CLIENT container', () => {
  it('answers unknown subcommands and a bare CLIENT as Redis does', () => {
    const c = new Harness().client();
    expect(c.call('CLIENT', 'foo')).toEqual({ error: "ERR unknown subcommand 'foo'. Try CLIENT HELP." });
    expect(c.call('CLIENT')).toEqual({ error: "ERR wrong number of arguments for 'client' command" });
  });

  it('HELP lists the subcommands, ending with HELP', () => {
    const c = new Harness().client();
    const lines = c.call('CLIENT', 'HELP') as { simple: string }[];
    expect(lines[0]).toEqual({ simple: 'CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:' });
    expect(lines.slice(-2)).toEqual([{ simple: 'HELP' }, { simple: '    Prints this help.' }]);
    expect(lines.length).toBe(54);
  });
});
