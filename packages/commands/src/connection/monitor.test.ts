// MONITOR streams executed commands in Redis's format, hiding admin commands and secrets.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const T = '1700000000.000000';

describe('MONITOR', () => {
  it('answers +OK, then feeds each executed command with time, db and address', () => {
    const h = new Harness();
    const m = h.client();
    expect(m.call('MONITOR')).toEqual({ simple: 'OK' });
    const c = h.client('127.0.0.1:4242');
    c.call('SET', 'foo', 'bar');
    h.advance(1);
    c.call('get', 'foo');
    expect(m.drain()).toEqual([
      { simple: `${T} [0 127.0.0.1:4242] "SET" "foo" "bar"` },
      { simple: '1700000000.001000 [0 127.0.0.1:4242] "get" "foo"' },
    ]);
  });

  it('quotes arguments as sdscatrepr does', () => {
    const h = new Harness();
    const m = h.client();
    m.call('MONITOR');
    h.client('127.0.0.1:1').call('ECHO', 'a"b\\c\n\r\t\x07\x08\x00\xff');
    expect(m.drain()).toEqual([{ simple: `${T} [0 127.0.0.1:1] "ECHO" "a\\"b\\\\c\\n\\r\\t\\a\\b\\x00\\xff"` }]);
  });

  it('shows the database selected after the command', () => {
    const h = new Harness();
    const m = h.client();
    m.call('MONITOR');
    h.client('127.0.0.1:1').call('SELECT', 1);
    expect(m.drain()).toEqual([{ simple: `${T} [1 127.0.0.1:1] "SELECT" "1"` }]);
  });

  it('is refused inside a transaction', () => {
    const m = new Harness().client();
    m.call('MULTI');
    m.call('MONITOR');
    expect(m.call('EXEC')).toEqual([{ error: "ERR MONITOR isn't allowed for DENY BLOCKING client" }]);
    expect(m.session.monitor).toBe(false);
  });

  it('a second MONITOR is ignored without a reply', () => {
    const m = new Harness().client();
    m.call('MONITOR');
    expect(m.send('MONITOR')).toEqual([]);
  });

  it('hides admin commands but shows other CLIENT subcommands and QUIT', () => {
    const h = new Harness();
    const m = h.client();
    m.call('MONITOR');
    const c = h.client('127.0.0.1:1');
    c.call('CLIENT', 'LIST');
    c.call('MONITOR');
    // A monitoring client sees its own commands too, as in Redis.
    expect(c.send('CLIENT', 'SETNAME', 'x')).toEqual([{ simple: 'OK' }, { simple: `${T} [0 127.0.0.1:1] "CLIENT" "SETNAME" "x"` }]);
    h.client('127.0.0.1:2').call('QUIT');
    expect(m.drain()).toEqual([
      { simple: `${T} [0 127.0.0.1:1] "CLIENT" "SETNAME" "x"` },
      { simple: `${T} [0 127.0.0.1:2] "QUIT"` },
    ]);
  });

  it('redacts passwords of AUTH and HELLO AUTH, even when they fail', () => {
    const h = new Harness();
    const m = h.client();
    m.call('MONITOR');
    const c = h.client('127.0.0.1:1');
    c.call('AUTH', 'not-real');
    c.call('AUTH', 'not-real', 'not-a-password');
    c.call('HELLO', 2, 'AUTH', 'not-real', 'not-a-password');
    expect(m.drain()).toEqual([
      { simple: `${T} [0 127.0.0.1:1] "AUTH" "(redacted)"` },
      { simple: `${T} [0 127.0.0.1:1] "AUTH" "(redacted)" "(redacted)"` },
      { simple: `${T} [0 127.0.0.1:1] "HELLO" "2" "AUTH" "(redacted)" "(redacted)"` },
    ]);
  });

  it('shows MULTI, the commands EXEC ran, then EXEC; rejected commands are not shown', () => {
    const h = new Harness();
    const m = h.client();
    m.call('MONITOR');
    const c = h.client('127.0.0.1:1');
    c.call('MULTI');
    c.call('SET', 'foo', 'bar');
    c.call('EXEC');
    c.call('MULTI');
    c.call('SYNTAX', 'ERROR');
    c.call('EXEC');
    expect(m.drain().map((r) => (r as { simple: string }).simple.slice(T.length + 17))).toEqual([
      '"MULTI"', '"SET" "foo" "bar"', '"EXEC"', '"MULTI"', '"EXEC"',
    ]);
  });

  it('a closed monitor stops being fed', () => {
    const h = new Harness();
    const m = h.client();
    m.call('MONITOR');
    m.close();
    h.client().call('SET', 'k', 'v');
    expect(m.drain()).toEqual([]);
  });
});
