// SSUBSCRIBE, SUNSUBSCRIBE and SPUBLISH in standalone mode, as Redis 7.0: shard channels are
// apart from channels and patterns, counted on their own, delivered as "smessage".
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('SSUBSCRIBE / SUNSUBSCRIBE / SPUBLISH', () => {
  it('SPUBLISH reaches shard subscribers as smessage', () => {
    const h = new Harness();
    const [a, b, p] = [h.client(), h.client(), h.client()];
    expect(a.raw('SSUBSCRIBE', 'chan1')).toBe('*3\r\n$10\r\nssubscribe\r\n$5\r\nchan1\r\n:1\r\n');
    expect(a.send('SSUBSCRIBE', 'chan2')).toEqual([['ssubscribe', 'chan2', 2]]);
    b.send('SSUBSCRIBE', 'chan1');
    expect(p.call('SPUBLISH', 'chan1', 'hello')).toBe(2);
    expect(p.call('SPUBLISH', 'chan2', 'world')).toBe(1);
    expect(a.drain()).toEqual([['smessage', 'chan1', 'hello'], ['smessage', 'chan2', 'world']]);
    expect(b.drain()).toEqual([['smessage', 'chan1', 'hello']]);
  });

  it('shard channels and plain channels are separate namespaces and separate counts', () => {
    const h = new Harness();
    const [a, b, p] = [h.client(), h.client(), h.client()];
    a.send('SSUBSCRIBE', 'chan1');
    b.send('SUBSCRIBE', 'chan1');
    b.send('PSUBSCRIBE', 'chan*');
    expect(p.call('SPUBLISH', 'chan1', 'hello')).toBe(1);
    expect(p.call('PUBLISH', 'chan1', 'hello')).toBe(2);
    expect(a.drain()).toEqual([['smessage', 'chan1', 'hello']]);
    const c = h.client();
    c.send('SUBSCRIBE', 'x');
    expect(c.send('SSUBSCRIBE', 's')).toEqual([['ssubscribe', 's', 1]]);
    expect(c.send('PSUBSCRIBE', 'p')).toEqual([['psubscribe', 'p', 2]]);
    expect(c.send('SUNSUBSCRIBE', 's')).toEqual([['sunsubscribe', 's', 0]]);
    expect(c.send('UNSUBSCRIBE', 'x')).toEqual([['unsubscribe', 'x', 1]]);
  });

  it('SSUBSCRIBE to one channel more than once keeps one subscription', () => {
    const h = new Harness();
    const [a, p] = [h.client(), h.client()];
    expect(a.send('SSUBSCRIBE', 'c', 'c', 'c')).toEqual([['ssubscribe', 'c', 1], ['ssubscribe', 'c', 1], ['ssubscribe', 'c', 1]]);
    expect(p.call('SPUBLISH', 'c', 'hello')).toBe(1);
  });

  it('SUNSUBSCRIBE without arguments leaves all shard channels; with none it replies null', () => {
    const h = new Harness();
    const [a, p] = [h.client(), h.client()];
    a.send('SSUBSCRIBE', 'chan1', 'chan2');
    expect(a.send('SUNSUBSCRIBE')).toEqual([['sunsubscribe', 'chan1', 1], ['sunsubscribe', 'chan2', 0]]);
    expect(p.call('SPUBLISH', 'chan1', 'hello')).toBe(0);
    expect(a.send('SUNSUBSCRIBE')).toEqual([['sunsubscribe', null, 0]]);
    expect(a.send('SUNSUBSCRIBE', 'foo')).toEqual([['sunsubscribe', 'foo', 0]]);
  });

  it('SSUBSCRIBE inside EXEC is refused as a blocking client', () => {
    const c = new Harness().client();
    c.call('MULTI');
    expect(c.call('SSUBSCRIBE', 'a')).toEqual({ simple: 'QUEUED' });
    expect(c.call('EXEC')).toEqual([{ error: "ERR SSUBSCRIBE isn't allowed for a DENY BLOCKING client" }]);
    expect(c.call('PING')).toEqual({ simple: 'PONG' });
  });

  it('arity errors name the command', () => {
    const c = new Harness().client();
    expect(c.call('SSUBSCRIBE')).toEqual({ error: "ERR wrong number of arguments for 'ssubscribe' command" });
    expect(c.call('SPUBLISH', 'x')).toEqual({ error: "ERR wrong number of arguments for 'spublish' command" });
  });
});
