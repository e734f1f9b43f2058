// Blocking list commands: served at once when possible, otherwise woken first-come
// first-served by pushes (also from MULTI/EXEC), timed out with Redis's null replies,
// non-blocking inside MULTI, and releasable with CLIENT UNBLOCK.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('BLPOP / BRPOP', () => {
  it('pops at once from the first non-empty list', () => {
    const c = new Harness().client();
    c.call('RPUSH', 'b', 'x', 'y');
    expect(c.call('BLPOP', 'a', 'b', 0)).toEqual(['b', 'x']);
    expect(c.call('BRPOP', 'a', 'b', 0)).toEqual(['b', 'y']);
    expect(c.call('EXISTS', 'b')).toBe(0);
  });

  it('blocks until another client pushes, serving waiters in arrival order', () => {
    const h = new Harness();
    const [w1, w2, p] = [h.client(), h.client(), h.client()];
    expect(w1.send('BLPOP', 'q', 0)).toEqual([]);
    expect(w2.send('BLPOP', 'q', 0)).toEqual([]);
    expect(h.core.blocking.count).toBe(2);
    expect(p.call('RPUSH', 'q', 'one')).toBe(1);
    expect(w1.drain()).toEqual([['q', 'one']]);
    expect(w2.drain()).toEqual([]);
    p.call('RPUSH', 'q', 'two', 'three');
    expect(w2.drain()).toEqual([['q', 'two']]);
    expect(p.call('LRANGE', 'q', 0, -1)).toEqual(['three']);
    expect(h.core.blocking.count).toBe(0);
  });

  it('is woken by a push inside MULTI/EXEC only after the transaction', () => {
    const h = new Harness();
    const [w, p] = [h.client(), h.client()];
    w.send('BRPOP', 'q', 0);
    p.call('MULTI');
    p.call('RPUSH', 'q', 'a', 'b');
    p.call('RPOP', 'q');
    expect(w.drain()).toEqual([]);
    expect(p.call('EXEC')).toEqual([2, 'b']);
    expect(w.drain()).toEqual([['q', 'a']]);
  });

  it('serves a client blocked on several keys from the key made ready first', () => {
    const h = new Harness();
    const [w, p] = [h.client(), h.client()];
    w.send('BLPOP', 'a', 'b', 0);
    p.call('MULTI');
    p.call('RPUSH', 'b', 'from-b');
    p.call('RPUSH', 'a', 'from-a');
    p.call('EXEC');
    expect(w.drain()).toEqual([['b', 'from-b']]);
    expect(p.call('LRANGE', 'a', 0, -1)).toEqual(['from-a']);
  });

  it('answers a null array when the timeout passes (RESP2 *-1, RESP3 _)', () => {
    const h = new Harness();
    const w = h.client();
    w.send('BLPOP', 'q', '0.5');
    h.advance(499);
    expect(w.drain()).toEqual([]);
    h.advance(1);
    const w3 = h.client();
    w3.call('HELLO', 3);
    expect(w.drain()).toEqual([null]);
    expect(w3.raw('BLPOP', 'q', '0.01')).toBe('');
    h.advance(10);
    expect(w3.drain()).toEqual([null]);
  });

  it('does not block inside MULTI', () => {
    const c = new Harness().client();
    c.call('MULTI');
    c.call('BLPOP', 'q', 0);
    expect(c.raw('EXEC')).toBe('*1\r\n*-1\r\n');
  });

  it('refuses a wrong type at call time but keeps waiting when the key changes type later', () => {
    const h = new Harness();
    const [w, p] = [h.client(), h.client()];
    p.call('SET', 's', 'x');
    expect(w.call('BLPOP', 's', 0)).toEqual({ error: 'WRONGTYPE Operation against a key holding the wrong kind of value' });
    w.send('BLPOP', 'q', 0);
    p.call('SET', 'q', 'string');
    expect(w.drain()).toEqual([]);
    p.call('DEL', 'q');
    p.call('LPUSH', 'q', 'v');
    expect(w.drain()).toEqual([['q', 'v']]);
  });

  it('validates the timeout like Redis', () => {
    const c = new Harness().client();
    expect(c.call('BLPOP', 'q', -1)).toEqual({ error: 'ERR timeout is negative' });
    expect(c.call('BLPOP', 'q', 'abc')).toEqual({ error: 'ERR timeout is not a float or out of range' });
  });
});

describe('BLMOVE / BRPOPLPUSH / BLMPOP', () => {
  it('BLMOVE waits for the source and moves into the destination', () => {
    const h = new Harness();
    const [w, p] = [h.client(), h.client()];
    w.send('BLMOVE', 'src', 'dst', 'LEFT', 'RIGHT', 0);
    p.call('RPUSH', 'src', 'a', 'b');
    expect(w.drain()).toEqual(['a']);
    expect(p.call('LRANGE', 'dst', 0, -1)).toEqual(['a']);
  });

  it('BRPOPLPUSH and BLMOVE time out with a null array but answer a null bulk inside MULTI', () => {
    const h = new Harness();
    const w = h.client();
    expect(w.raw('BRPOPLPUSH', 'src', 'dst', 1)).toBe('');
    h.advance(1000);
    expect(w.raw('PING')).toBe('*-1\r\n+PONG\r\n');
    expect(w.raw('BLMOVE', 'src', 'dst', 'LEFT', 'RIGHT', '0.5')).toBe('');
    h.advance(500);
    expect(w.raw('PING')).toBe('*-1\r\n+PONG\r\n');
    w.call('MULTI');
    w.call('BRPOPLPUSH', 'src', 'dst', 0);
    w.call('BLMOVE', 'src', 'dst', 'LEFT', 'RIGHT', 0);
    expect(w.raw('EXEC')).toBe('*2\r\n$-1\r\n$-1\r\n');
  });

  it('BLMPOP checks its other arguments before the timeout', () => {
    const c = new Harness().client();
    expect(c.call('BLMPOP', 'x', 0, 'a', 'LEFT')).toEqual({ error: 'ERR numkeys should be greater than 0' });
    expect(c.call('BLMPOP', 'x', 1, 'a', 'UP')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('BLMPOP', 'x', 1, 'a', 'LEFT')).toEqual({ error: 'ERR timeout is not a float or out of range' });
  });

  it('BLMPOP pops up to COUNT from the first list that gets elements', () => {
    const h = new Harness();
    const [w, p] = [h.client(), h.client()];
    w.send('BLMPOP', 0, 2, 'a', 'b', 'RIGHT', 'COUNT', 2);
    p.call('RPUSH', 'b', '1', '2', '3');
    expect(w.drain()).toEqual([['b', ['3', '2']]]);
  });
});

describe('CLIENT UNBLOCK', () => {
  it('releases a blocked client with its timeout reply or an UNBLOCKED error', () => {
    const h = new Harness();
    const [w, admin] = [h.client(), h.client()];
    const id = w.call('CLIENT', 'ID') as number;
    w.send('BLPOP', 'q', 0);
    expect(admin.call('CLIENT', 'UNBLOCK', id)).toBe(1);
    expect(w.drain()).toEqual([null]);
    w.send('BLPOP', 'q', 0);
    expect(admin.call('CLIENT', 'UNBLOCK', id, 'ERROR')).toBe(1);
    expect(w.drain()).toEqual([{ error: 'UNBLOCKED client unblocked via CLIENT UNBLOCK' }]);
    expect(admin.call('CLIENT', 'UNBLOCK', id)).toBe(0);
    expect(admin.call('CLIENT', 'UNBLOCK', id, 'LATER')).toEqual({ error: 'ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR' });
  });
});

describe('blocked clients and whole-database changes', () => {
  it('FLUSHALL wakes a blocked XREADGROUP, which learns its stream is gone', () => {
    const h = new Harness();
    const [w, p] = [h.client(), h.client()];
    p.call('XADD', 'mystream', '666', 'f', 'v');
    p.call('XGROUP', 'CREATE', 'mystream', 'mygroup', '$');
    expect(w.send('XREADGROUP', 'GROUP', 'mygroup', 'Alice', 'BLOCK', 0, 'STREAMS', 'mystream', '>')).toEqual([]);
    p.call('FLUSHALL');
    expect(w.drain()).toEqual([{ error: 'UNBLOCKED the stream key no longer exists' }]);
  });

  it('FLUSHDB leaves a list waiter waiting until a push arrives', () => {
    const h = new Harness();
    const [w, p] = [h.client(), h.client()];
    w.send('BLMOVE', 'src', 'dst', 'LEFT', 'LEFT', 0);
    p.call('FLUSHDB');
    expect(w.drain()).toEqual([]);
    p.call('RPUSH', 'src', 'v');
    expect(w.drain()).toEqual(['v']);
    expect(h.core.blocking.count).toBe(0);
  });
});

describe('accounting for late replies', () => {
  it('counts an error delivered to a blocked client in errorstats and failed_calls', () => {
    const h = new Harness();
    const [w, p] = [h.client(), h.client()];
    p.call('XGROUP', 'CREATE', 'mystream', 'mygroup', '$', 'MKSTREAM');
    w.send('XREADGROUP', 'GROUP', 'mygroup', 'Alice', 'BLOCK', 0, 'STREAMS', 'mystream', '>');
    p.call('XGROUP', 'DESTROY', 'mystream', 'mygroup');
    expect(w.drain()).toEqual([{ error: 'NOGROUP the consumer group this client was blocked on no longer exists' }]);
    const stat = h.core.stats.command('xreadgroup');
    expect([stat.calls, stat.failedCalls, stat.rejectedCalls]).toEqual([1, 1, 0]);
    expect(h.core.stats.errors.get('NOGROUP')).toBe(1);
  });
});
