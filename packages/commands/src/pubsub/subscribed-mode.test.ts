// The subscribed context as Redis 7.0: RESP2 clients with subscriptions may only run
// (un)subscribe commands, PING (answered ['pong', arg]), QUIT and RESET; RESP3 clients
// run anything, with pushes interleaved among replies; pushes pass CLIENT REPLY OFF.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const refusal = (name: string) => ({
  error: `ERR Can't execute '${name}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`,
});

describe('subscribed mode', () => {
  it('RESP2: other commands are refused, naming the command (subcommands by full name)', () => {
    const c = new Harness().client();
    c.send('SUBSCRIBE', 'somechannel');
    expect(c.call('GET', 'k')).toEqual(refusal('get'));
    expect(c.call('PUBLISH', 'x', 'y')).toEqual(refusal('publish'));
    expect(c.call('PUBSUB', 'NUMPAT')).toEqual(refusal('pubsub|numpat'));
    expect(c.call('MULTI')).toEqual(refusal('multi'));
  });

  it('RESP2: PING answers pong messages while subscribed and PONG after', () => {
    const c = new Harness().client();
    c.send('SUBSCRIBE', 'somechannel');
    expect(c.raw('PING')).toBe('*2\r\n$4\r\npong\r\n$0\r\n\r\n');
    expect(c.call('PING', 'foo')).toEqual(['pong', 'foo']);
    c.send('UNSUBSCRIBE', 'somechannel');
    expect(c.call('PING')).toEqual({ simple: 'PONG' });
  });

  it('RESP2: the other (un)subscribe commands stay allowed, shard ones included', () => {
    const c = new Harness().client();
    c.send('SSUBSCRIBE', 's');
    expect(c.call('GET', 'k')).toEqual(refusal('get'));
    expect(c.send('PSUBSCRIBE', 'p*')).toEqual([['psubscribe', 'p*', 1]]);
    expect(c.send('SUNSUBSCRIBE')).toEqual([['sunsubscribe', 's', 0]]);
    expect(c.send('PUNSUBSCRIBE')).toEqual([['punsubscribe', 'p*', 0]]);
    expect(c.call('GET', 'k')).toBeNull();
  });

  it('RESP3: a subscribed client runs GET and receives replies and pushes on one connection', () => {
    const h = new Harness();
    const [a, p] = [h.client(), h.client()];
    a.session.resp = 3;
    p.call('SET', 'k', 'v');
    a.send('SUBSCRIBE', 'chan');
    p.call('PUBLISH', 'chan', 'before');
    expect(a.send('GET', 'k')).toEqual([{ push: ['message', 'chan', 'before'] }, 'v']);
    expect(a.raw('PING')).toBe('+PONG\r\n');
    p.call('PUBLISH', 'chan', 'after');
    expect(a.drain()).toEqual([{ push: ['message', 'chan', 'after'] }]);
  });

  it('confirmations and messages are delivered even with replies switched off', () => {
    const h = new Harness();
    const [a, p] = [h.client(), h.client()];
    a.session.resp = 3;
    a.session.replyMode = 'off';
    expect(a.send('SUBSCRIBE', 'channel')).toEqual([{ push: ['subscribe', 'channel', 1] }]);
    expect(a.send('PSUBSCRIBE', 'ch*')).toEqual([{ push: ['psubscribe', 'ch*', 2] }]);
    expect(p.call('PUBLISH', 'channel', 'hello')).toBe(2);
    expect(a.drain()).toEqual([
      { push: ['message', 'channel', 'hello'] }, { push: ['pmessage', 'ch*', 'channel', 'hello'] },
    ]);
    expect(a.send('UNSUBSCRIBE', 'channel')).toEqual([{ push: ['unsubscribe', 'channel', 1] }]);
    expect(a.send('GET', 'x')).toEqual([]);
  });

  it('SUBSCRIBE inside MULTI confirms within EXEC and enters subscribed mode', () => {
    const c = new Harness().client();
    c.call('MULTI');
    expect(c.call('SUBSCRIBE', 'a')).toEqual({ simple: 'QUEUED' });
    expect(c.call('PING')).toEqual({ simple: 'QUEUED' });
    expect(c.raw('EXEC')).toBe('*2\r\n*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n*2\r\n$4\r\npong\r\n$0\r\n\r\n');
    expect(c.call('GET', 'x')).toEqual(refusal('get'));
  });

  it('SUBSCRIBE of two channels inside EXEC sends Redis\'s bytes: the header counts commands', () => {
    const c = new Harness().client();
    c.call('MULTI');
    c.call('SUBSCRIBE', 'a', 'b');
    expect(c.raw('EXEC')).toBe(
      '*1\r\n*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n*3\r\n$9\r\nsubscribe\r\n$1\r\nb\r\n:2\r\n',
    );
  });

  it('dropping a client\'s subscriptions (as RESET does) leaves subscribed mode and stops deliveries', () => {
    const h = new Harness();
    const [c, p] = [h.client(), h.client()];
    c.send('SUBSCRIBE', 'a', 'b');
    c.send('PSUBSCRIBE', 'p*');
    c.send('SSUBSCRIBE', 's');
    h.core.pubsub.dropClient(c.session);
    expect(c.call('GET', 'x')).toBeNull();
    expect(p.call('PUBLISH', 'a', 'm')).toBe(0);
    expect(p.call('PUBLISH', 'px', 'm')).toBe(0);
    expect(p.call('SPUBLISH', 's', 'm')).toBe(0);
    expect(p.call('PUBSUB', 'NUMPAT')).toBe(0);
  });
});
