// PSUBSCRIBE and PUNSUBSCRIBE behave as in Redis 7.0: glob patterns, "pmessage" deliveries
// that name the pattern, one delivery per matching subscription.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('PSUBSCRIBE / PUNSUBSCRIBE', () => {
  it('delivers pmessage for matching channels only', () => {
    const h = new Harness();
    const [a, p] = [h.client(), h.client()];
    expect(a.send('PSUBSCRIBE', 'foo.*', 'bar.*')).toEqual([['psubscribe', 'foo.*', 1], ['psubscribe', 'bar.*', 2]]);
    expect(p.call('PUBLISH', 'foo.1', 'hello')).toBe(1);
    expect(p.call('PUBLISH', 'bar.1', 'hello')).toBe(1);
    expect(p.call('PUBLISH', 'foo1', 'hello')).toBe(0);
    expect(p.call('PUBLISH', 'barfoo.1', 'hello')).toBe(0);
    expect(p.call('PUBLISH', 'qux.1', 'hello')).toBe(0);
    expect(a.drain()).toEqual([['pmessage', 'foo.*', 'foo.1', 'hello'], ['pmessage', 'bar.*', 'bar.1', 'hello']]);
  });

  it('pmessage is a 4-element push in RESP3', () => {
    const h = new Harness();
    const [a, p] = [h.client(), h.client()];
    a.session.resp = 3;
    a.send('PSUBSCRIBE', 'ch*');
    p.call('PUBLISH', 'chan', 'm');
    expect(a.raw('PING')).toBe('>4\r\n$8\r\npmessage\r\n$3\r\nch*\r\n$4\r\nchan\r\n$1\r\nm\r\n+PONG\r\n');
  });

  it('supports ? [class] and escapes as Redis globs do', () => {
    const h = new Harness();
    const [a, p] = [h.client(), h.client()];
    a.send('PSUBSCRIBE', 'h?llo', 'n[ae]t', 'lit\\*');
    expect(p.call('PUBLISH', 'hallo', 'x')).toBe(1);
    expect(p.call('PUBLISH', 'hllo', 'x')).toBe(0);
    expect(p.call('PUBLISH', 'net', 'x')).toBe(1);
    expect(p.call('PUBLISH', 'nit', 'x')).toBe(0);
    expect(p.call('PUBLISH', 'lit*', 'x')).toBe(1);
    expect(p.call('PUBLISH', 'litx', 'x')).toBe(0);
  });

  it('a channel and a pattern subscription each get a delivery', () => {
    const h = new Harness();
    const [a, p] = [h.client(), h.client()];
    a.send('SUBSCRIBE', 'foo.bar');
    a.send('PSUBSCRIBE', 'foo.*');
    expect(p.call('PUBLISH', 'foo.bar', 'hello')).toBe(2);
    expect(a.drain()).toEqual([['message', 'foo.bar', 'hello'], ['pmessage', 'foo.*', 'foo.bar', 'hello']]);
  });

  it('two clients on one pattern both receive', () => {
    const h = new Harness();
    const [a, b, p] = [h.client(), h.client(), h.client()];
    a.send('PSUBSCRIBE', 'chan.*');
    b.send('PSUBSCRIBE', 'chan.*');
    expect(p.call('PUBLISH', 'chan.foo', 'hello')).toBe(2);
    expect(a.drain()).toEqual([['pmessage', 'chan.*', 'chan.foo', 'hello']]);
    expect(b.drain()).toEqual([['pmessage', 'chan.*', 'chan.foo', 'hello']]);
  });

  it('PUNSUBSCRIBE stops the named pattern; without arguments it stops all', () => {
    const h = new Harness();
    const [a, p] = [h.client(), h.client()];
    a.send('PSUBSCRIBE', 'foo.*', 'bar.*', 'baz.*');
    expect(a.send('PUNSUBSCRIBE', 'foo.*')).toEqual([['punsubscribe', 'foo.*', 2]]);
    expect(p.call('PUBLISH', 'foo.1', 'hello')).toBe(0);
    expect(p.call('PUBLISH', 'bar.1', 'hello')).toBe(1);
    expect(a.drain()).toEqual([['pmessage', 'bar.*', 'bar.1', 'hello']]);
    expect(a.send('PUNSUBSCRIBE')).toEqual([['punsubscribe', 'bar.*', 1], ['punsubscribe', 'baz.*', 0]]);
    expect(p.call('PUBLISH', 'bar.1', 'hello')).toBe(0);
  });

  it('PUNSUBSCRIBE from patterns never subscribed still replies', () => {
    const c = new Harness().client();
    expect(c.send('PUNSUBSCRIBE', 'foo.*', 'bar.*')).toEqual([['punsubscribe', 'foo.*', 0], ['punsubscribe', 'bar.*', 0]]);
    expect(c.send('PUNSUBSCRIBE')).toEqual([['punsubscribe', null, 0]]);
  });

  it('PUNSUBSCRIBE leaves channel subscriptions in the count', () => {
    const c = new Harness().client();
    c.send('SUBSCRIBE', 'a');
    c.send('PSUBSCRIBE', 'p*');
    expect(c.send('PUNSUBSCRIBE')).toEqual([['punsubscribe', 'p*', 1]]);
  });

  it('arity errors name the command', () => {
    const c = new Harness().client();
    expect(c.call('PSUBSCRIBE')).toEqual({ error: "ERR wrong number of arguments for 'psubscribe' command" });
  });
});
