// Keyspace notifications as Redis 7.0 (notify.c, tests/unit/pubsub.tcl): each class flag of
// notify-keyspace-events selects its events, K and E choose the channels, and SET, DEL,
// EXPIRE, expiry, new keys and key misses publish Redis's exact event names.
import { Harness, type TestClient } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

/** A server with the given flags, a client psubscribed to everything, and one to act. */
function setup(flags: string): { h: Harness; c: TestClient; events: () => string[] } {
  const h = new Harness({ config: { 'notify-keyspace-events': flags } });
  const sub = h.client();
  sub.send('PSUBSCRIBE', '*');
  // Each delivery as "channel payload", e.g. "__keyspace@0__:foo set".
  const events = () => sub.drain().map((m) => {
    const [kind, pattern, channel, payload] = m as string[];
    expect([kind, pattern]).toEqual(['pmessage', '*']);
    return `${channel} ${payload}`;
  });
  return { h, c: h.client(), events };
}

describe('keyspace notifications: channels (K, E)', () => {
  it('K publishes the event name on __keyspace@<db>__:<key>', () => {
    const { c, events } = setup('KA');
    c.call('SET', 'foo', 'bar');
    expect(events()).toEqual(['__keyspace@0__:foo set']);
  });

  it('E publishes the key name on __keyevent@<db>__:<event>', () => {
    const { c, events } = setup('EA');
    c.call('SET', 'foo', 'bar');
    expect(events()).toEqual(['__keyevent@0__:set foo']);
  });

  it('K and E together publish the keyspace message first', () => {
    const { c, events } = setup('KEA');
    c.call('SET', 'foo', 'bar');
    expect(events()).toEqual(['__keyspace@0__:foo set', '__keyevent@0__:set foo']);
  });

  it('classes without K or E publish nothing, and the default publishes nothing', () => {
    const a = setup('A');
    a.c.call('SET', 'foo', 'bar');
    a.c.call('DEL', 'foo');
    expect(a.events()).toEqual([]);
    const none = setup('');
    none.c.call('SET', 'foo', 'bar');
    expect(none.events()).toEqual([]);
  });

  it('the channel names the database of the key', () => {
    const { c, events } = setup('KEA');
    c.call('SELECT', 3);
    c.call('SET', 'foo', 'bar');
    expect(events()).toEqual(['__keyspace@3__:foo set', '__keyevent@3__:set foo']);
  });

  it('exact-channel subscribers get plain messages, and binary keys pass unchanged', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const [sub, c] = [h.client(), h.client()];
    sub.send('SUBSCRIBE', '__keyevent@0__:del', '__keyspace@0__:k\x00\xff');
    c.call('SET', 'k\x00\xff', 'v');
    c.call('DEL', 'k\x00\xff');
    expect(sub.drain()).toEqual([
      ['message', '__keyspace@0__:k\x00\xff', 'set'],
      ['message', '__keyspace@0__:k\x00\xff', 'del'],
      ['message', '__keyevent@0__:del', 'k\x00\xff'],
    ]);
  });

  it('a RESP3 subscriber receives its own notifications before the reply', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    c.session.resp = 3;
    c.send('PSUBSCRIBE', '__key*');
    expect(c.send('SET', 'k', 'v')).toEqual([
      { push: ['pmessage', '__key*', '__keyspace@0__:k', 'set'] },
      { push: ['pmessage', '__key*', '__keyevent@0__:set', 'k'] },
      { simple: 'OK' },
    ]);
  });

  it('changing the parameter at run time takes effect at once', () => {
    const { h, c, events } = setup('');
    c.call('SET', 'a', '1');
    h.core.config.setMany([['notify-keyspace-events', 'E$']]);
    c.call('SET', 'b', '1');
    h.core.config.setMany([['notify-keyspace-events', '']]);
    c.call('SET', 'c', '1');
    expect(events()).toEqual(['__keyevent@0__:set b']);
  });
});

describe('keyspace notifications: classes', () => {
  it('$ selects string events only: SET, not DEL nor the expire of SET EX', () => {
    const { c, events } = setup('KE$');
    c.call('SET', 'foo', 'bar', 'EX', 100);
    c.call('DEL', 'foo');
    expect(events()).toEqual(['__keyspace@0__:foo set', '__keyevent@0__:set foo']);
  });

  it('g selects generic events: del, and expire from SET EX and EXPIRE', () => {
    const { c, events } = setup('KEg');
    c.call('SET', 'foo', 'bar');
    c.call('SET', 'foo', 'bar', 'EX', 100);
    c.call('DEL', 'foo');
    expect(events()).toEqual([
      '__keyspace@0__:foo expire', '__keyevent@0__:expire foo',
      '__keyspace@0__:foo del', '__keyevent@0__:del foo',
    ]);
  });

  it('SET with every option publishes set (and expire for a TTL) exactly when it writes', () => {
    const { c, events } = setup('KA');
    c.call('SET', 'k', 'v', 'PX', 5000);
    c.call('SET', 'k', 'v2', 'KEEPTTL');
    c.call('SET', 'k', 'v3', 'GET');
    c.call('SET', 'k', 'v', 'NX');
    c.call('SET', 'missing', 'v', 'XX');
    expect(events()).toEqual([
      '__keyspace@0__:k set', '__keyspace@0__:k expire', '__keyspace@0__:k set', '__keyspace@0__:k set',
    ]);
  });

  it('DEL publishes del once per deleted key and nothing for missing keys', () => {
    const { c, events } = setup('Eg');
    c.call('SET', 'a', '1');
    c.call('SET', 'b', '1');
    c.call('DEL', 'a', 'missing', 'b');
    expect(events()).toEqual(['__keyevent@0__:del a', '__keyevent@0__:del b']);
  });

  it('x selects expired: published when a key is found expired on access', () => {
    const { h, c, events } = setup('Ex');
    c.call('SET', 'foo', '1', 'PX', 100);
    h.advance(101);
    expect(c.call('GET', 'foo')).toBeNull();
    expect(events()).toEqual(['__keyevent@0__:expired foo']);
  });

  it('x: the active expire cycle publishes expired too', () => {
    const { h, c, events } = setup('KEx');
    c.call('SET', 'foo', '1', 'PX', 100);
    h.advance(101);
    h.keyspace.activeExpireCycle(1000);
    expect(events()).toEqual(['__keyspace@0__:foo expired', '__keyevent@0__:expired foo']);
  });

  it('expired belongs to x only: g and $ do not publish it', () => {
    const { h, c, events } = setup('KEg$');
    c.call('SET', 'foo', '1', 'PX', 100);
    events();
    h.advance(101);
    c.call('GET', 'foo');
    expect(events()).toEqual([]);
  });

  it('n publishes new for a key that did not exist, before its set', () => {
    const { c, events } = setup('En$');
    c.call('SET', 'foo', 'bar');
    c.call('SET', 'foo', 'baz');
    c.call('SET', 'bar', 'bar');
    expect(events()).toEqual([
      '__keyevent@0__:new foo', '__keyevent@0__:set foo',
      '__keyevent@0__:set foo',
      '__keyevent@0__:new bar', '__keyevent@0__:set bar',
    ]);
  });

  it('n counts a key recreated after expiring as new', () => {
    const { h, c, events } = setup('En');
    c.call('SET', 'foo', '1', 'PX', 10);
    h.advance(11);
    c.call('SET', 'foo', '2');
    expect(events()).toEqual(['__keyevent@0__:new foo', '__keyevent@0__:new foo']);
  });

  it('m publishes keymiss for reads of missing keys only', () => {
    const { c, events } = setup('KEm');
    c.call('SET', 'here', '1');
    c.call('GET', 'here');
    c.call('GET', 'nokey');
    expect(events()).toEqual(['__keyspace@0__:nokey keymiss', '__keyevent@0__:keymiss nokey']);
  });

  it('A covers g $ x but not n nor m', () => {
    const { h, c, events } = setup('KEA');
    c.call('GET', 'nokey');
    c.call('SET', 'foo', 'bar', 'PX', 10);
    c.call('DEL', 'foo');
    c.call('SET', 'foo', 'bar', 'PX', 10);
    h.advance(11);
    c.call('GET', 'foo');
    expect(events()).toEqual([
      '__keyspace@0__:foo set', '__keyevent@0__:set foo', '__keyspace@0__:foo expire', '__keyevent@0__:expire foo',
      '__keyspace@0__:foo del', '__keyevent@0__:del foo',
      '__keyspace@0__:foo set', '__keyevent@0__:set foo', '__keyspace@0__:foo expire', '__keyevent@0__:expire foo',
      '__keyspace@0__:foo expired', '__keyevent@0__:expired foo',
    ]);
  });

  it('e (evicted) alone selects none of the write, expiry, new or miss events', () => {
    const { h, c, events } = setup('KEe');
    c.call('SET', 'foo', 'bar', 'PX', 10);
    c.call('GET', 'nokey');
    h.advance(11);
    c.call('GET', 'foo');
    expect(events()).toEqual([]);
  });

  it('events inside EXEC are published as the queued commands run', () => {
    const { c, events } = setup('E$g');
    c.call('MULTI');
    c.call('SET', 'a', '1');
    c.call('DEL', 'a');
    expect(events()).toEqual([]);
    c.call('EXEC');
    expect(events()).toEqual(['__keyevent@0__:set a', '__keyevent@0__:del a']);
  });
});

describe('keyspace notifications: EXPIRE', () => {
  const hasExpire = new Harness().core.commands.lookup('expire') !== undefined;

  it.skipIf(!hasExpire)('EXPIRE publishes expire; a past time deletes with del; a refused one nothing', () => {
    const { c, events } = setup('KEg');
    c.call('SET', 'k', 'v');
    expect(c.call('EXPIRE', 'k', 100)).toBe(1);
    expect(c.call('EXPIRE', 'k', 100, 'NX')).toBe(0);
    expect(c.call('EXPIRE', 'missing', 100)).toBe(0);
    expect(c.call('EXPIRE', 'k', -1)).toBe(1);
    expect(events()).toEqual([
      '__keyspace@0__:k expire', '__keyevent@0__:expire k',
      '__keyspace@0__:k del', '__keyevent@0__:del k',
    ]);
  });

  it.skipIf(!hasExpire)('a key given a TTL by EXPIRE publishes expired when it goes', () => {
    const { h, c, events } = setup('Ex');
    c.call('SET', 'k', 'v');
    c.call('EXPIRE', 'k', 1);
    h.advance(1001);
    c.call('GET', 'k');
    expect(events()).toEqual(['__keyevent@0__:expired k']);
  });
});
