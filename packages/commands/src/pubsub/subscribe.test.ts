// SUBSCRIBE, UNSUBSCRIBE and PUBLISH behave as in Redis 7.0: one confirmation per channel
// with the client's channel+pattern count, "message" deliveries, receiver counts.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('SUBSCRIBE / UNSUBSCRIBE / PUBLISH', () => {
  it('SUBSCRIBE confirms each channel with the running count, byte for byte in RESP2', () => {
    const c = new Harness().client();
    expect(c.raw('SUBSCRIBE', 'chan1', 'chan2')).toBe(
      '*3\r\n$9\r\nsubscribe\r\n$5\r\nchan1\r\n:1\r\n*3\r\n$9\r\nsubscribe\r\n$5\r\nchan2\r\n:2\r\n',
    );
  });

  it('SUBSCRIBE confirmations are RESP3 pushes', () => {
    const c = new Harness().client();
    c.session.resp = 3;
    expect(c.raw('SUBSCRIBE', 'c1')).toBe('>3\r\n$9\r\nsubscribe\r\n$2\r\nc1\r\n:1\r\n');
  });

  it('PUBLISH delivers a message to every subscriber and returns the receiver count', () => {
    const h = new Harness();
    const [a, b, p] = [h.client(), h.client(), h.client()];
    a.send('SUBSCRIBE', 'chan1', 'chan2');
    b.send('SUBSCRIBE', 'chan1');
    expect(p.call('PUBLISH', 'chan1', 'hello')).toBe(2);
    expect(p.call('PUBLISH', 'chan2', 'world')).toBe(1);
    expect(p.call('PUBLISH', 'nobody', 'x')).toBe(0);
    expect(a.drain()).toEqual([['message', 'chan1', 'hello'], ['message', 'chan2', 'world']]);
    expect(b.drain()).toEqual([['message', 'chan1', 'hello']]);
  });

  it('messages are binary safe', () => {
    const h = new Harness();
    const [a, p] = [h.client(), h.client()];
    a.send('SUBSCRIBE', 'c\x00\xff');
    expect(p.call('PUBLISH', 'c\x00\xff', '\r\n\x80')).toBe(1);
    expect(a.drain()).toEqual([['message', 'c\x00\xff', '\r\n\x80']]);
  });

  it('subscribing to one channel more than once keeps one subscription', () => {
    const h = new Harness();
    const [a, p] = [h.client(), h.client()];
    expect(a.send('SUBSCRIBE', 'chan1', 'chan1', 'chan1')).toEqual([
      ['subscribe', 'chan1', 1], ['subscribe', 'chan1', 1], ['subscribe', 'chan1', 1],
    ]);
    expect(p.call('PUBLISH', 'chan1', 'hello')).toBe(1);
    expect(a.drain()).toEqual([['message', 'chan1', 'hello']]);
  });

  it('UNSUBSCRIBE stops delivery for the named channels only', () => {
    const h = new Harness();
    const [a, p] = [h.client(), h.client()];
    a.send('SUBSCRIBE', 'chan1', 'chan2');
    expect(a.send('UNSUBSCRIBE', 'chan1')).toEqual([['unsubscribe', 'chan1', 1]]);
    expect(p.call('PUBLISH', 'chan1', 'hello')).toBe(0);
    expect(p.call('PUBLISH', 'chan2', 'world')).toBe(1);
    expect(a.drain()).toEqual([['message', 'chan2', 'world']]);
  });

  it('UNSUBSCRIBE without arguments leaves every channel, one reply each', () => {
    const h = new Harness();
    const [a, p] = [h.client(), h.client()];
    a.send('SUBSCRIBE', 'chan1', 'chan2', 'chan3');
    expect(a.send('UNSUBSCRIBE')).toEqual([
      ['unsubscribe', 'chan1', 2], ['unsubscribe', 'chan2', 1], ['unsubscribe', 'chan3', 0],
    ]);
    for (const ch of ['chan1', 'chan2', 'chan3']) expect(p.call('PUBLISH', ch, 'hello')).toBe(0);
  });

  it('UNSUBSCRIBE from channels never subscribed still replies per channel', () => {
    const c = new Harness().client();
    expect(c.send('UNSUBSCRIBE', 'foo', 'bar', 'quux')).toEqual([
      ['unsubscribe', 'foo', 0], ['unsubscribe', 'bar', 0], ['unsubscribe', 'quux', 0],
    ]);
  });

  it('UNSUBSCRIBE with nothing subscribed replies with a null channel', () => {
    const c = new Harness().client();
    expect(c.raw('UNSUBSCRIBE')).toBe('*3\r\n$11\r\nunsubscribe\r\n$-1\r\n:0\r\n');
    c.session.resp = 3;
    expect(c.raw('UNSUBSCRIBE')).toBe('>3\r\n$11\r\nunsubscribe\r\n_\r\n:0\r\n');
  });

  it('the count covers channels and patterns together', () => {
    const c = new Harness().client();
    expect(c.send('SUBSCRIBE', 'foo.bar')).toEqual([['subscribe', 'foo.bar', 1]]);
    expect(c.send('PSUBSCRIBE', 'foo.*')).toEqual([['psubscribe', 'foo.*', 2]]);
    expect(c.send('SUBSCRIBE', 'x')).toEqual([['subscribe', 'x', 3]]);
    expect(c.send('UNSUBSCRIBE', 'x')).toEqual([['unsubscribe', 'x', 2]]);
  });

  it('a closed subscriber no longer receives nor counts', () => {
    const h = new Harness();
    const [a, p] = [h.client(), h.client()];
    a.send('SUBSCRIBE', 'chan1');
    a.close();
    expect(p.call('PUBLISH', 'chan1', 'hello')).toBe(0);
    expect(p.call('PUBSUB', 'NUMSUB', 'chan1')).toEqual(['chan1', 0]);
  });

  it('arity errors name the command', () => {
    const c = new Harness().client();
    expect(c.call('SUBSCRIBE')).toEqual({ error: "ERR wrong number of arguments for 'subscribe' command" });
    expect(c.call('PUBLISH', 'ch')).toEqual({ error: "ERR wrong number of arguments for 'publish' command" });
    expect(c.call('PUBLISH', 'ch', 'a', 'b')).toEqual({ error: "ERR wrong number of arguments for 'publish' command" });
  });
});
