// PING and ECHO answer as Redis 7.0 does, including PING's pub/sub shape in RESP2.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('PING', () => {
  it('answers +PONG, or its argument as a bulk string', () => {
    const c = new Harness().client();
    expect(c.raw('PING')).toBe('+PONG\r\n');
    expect(c.raw('PING', 'hello')).toBe('$5\r\nhello\r\n');
  });

  it('refuses more than one argument', () => {
    const c = new Harness().client();
    expect(c.call('PING', 'a', 'b')).toEqual({ error: "ERR wrong number of arguments for 'ping' command" });
  });

  it('answers a subscribed RESP2 client with a pong message, and a RESP3 one normally', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SUBSCRIBE', 'ch');
    expect(c.call('PING')).toEqual(['pong', '']);
    expect(c.call('PING', 'x')).toEqual(['pong', 'x']);
    const d = h.client();
    d.call('HELLO', 3);
    d.call('SUBSCRIBE', 'ch');
    expect(d.call('PING')).toEqual({ simple: 'PONG' });
  });
});

describe('ECHO', () => {
  it('returns its argument byte for byte', () => {
    const c = new Harness().client();
    expect(c.call('ECHO', 'a\r\nb\x00\xff')).toBe('a\r\nb\x00\xff');
    expect(c.call('ECHO', '')).toBe('');
  });

  it('takes exactly one argument', () => {
    const c = new Harness().client();
    expect(c.call('ECHO')).toEqual({ error: "ERR wrong number of arguments for 'echo' command" });
    expect(c.call('ECHO', 'a', 'b')).toEqual({ error: "ERR wrong number of arguments for 'echo' command" });
  });
});
