// WATCH / UNWATCH as Redis 7.0 (multi.c, tests/unit/multi.tcl): EXEC fails (null array) when a
// watched key changed — write, delete, expiry, flush, swap — and for nothing else: not reads,
// not writes in other databases, not flushes or swaps that leave the key logically unchanged.
import { Harness, type TestClient } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const PONG = { simple: 'PONG' };

/** MULTI, PING, EXEC: [PONG] when the transaction ran, null when WATCH failed it. */
function execPing(c: TestClient): unknown {
  c.call('MULTI');
  c.call('PING');
  return c.call('EXEC');
}

describe('WATCH', () => {
  it('EXEC runs when no watched key changed', () => {
    const c = new Harness().client();
    c.call('WATCH', 'x', 'y', 'z');
    expect(c.call('WATCH', 'k')).toEqual({ simple: 'OK' });
    expect(execPing(c)).toEqual([PONG]);
  });

  it('EXEC fails when a watched key was written, by us or another client', () => {
    const h = new Harness();
    const [c, other] = [h.client(), h.client()];
    c.call('SET', 'x', '30');
    c.call('WATCH', 'a', 'b', 'x', 'k', 'z');
    c.call('SET', 'x', '40');
    expect(execPing(c)).toBeNull();
    c.call('WATCH', 'x');
    other.call('SET', 'x', '50');
    c.call('MULTI');
    c.call('SET', 'x', 'mine');
    expect(c.call('EXEC')).toBeNull();
    expect(c.call('GET', 'x')).toBe('50');
  });

  it('EXEC fails when a watched key is created or deleted', () => {
    const c = new Harness().client();
    c.call('WATCH', 'x');
    c.call('SET', 'x', 'v');
    expect(execPing(c)).toBeNull();
    c.call('WATCH', 'x');
    c.call('DEL', 'x');
    expect(execPing(c)).toBeNull();
  });

  it('every client watching the key fails', () => {
    const h = new Harness();
    const [a, b, w] = [h.client(), h.client(), h.client()];
    a.call('WATCH', 'x');
    b.call('WATCH', 'x');
    w.call('SET', 'x', '1');
    expect(execPing(a)).toBeNull();
    expect(execPing(b)).toBeNull();
  });

  it('reads, no-op writes and deleting a missing key do not fail EXEC', () => {
    const c = new Harness().client();
    c.call('SET', 'x', 'v');
    c.call('WATCH', 'x', 'missing');
    c.call('GET', 'x');
    c.call('GET', 'missing');
    c.call('SET', 'x', 'other', 'NX');
    c.call('SET', 'missing', 'v', 'XX');
    c.call('DEL', 'missing');
    expect(execPing(c)).toEqual([PONG]);
  });

  it('WATCH remembers the database a key belongs to', () => {
    const c = new Harness().client();
    c.call('SELECT', 5);
    c.call('SET', 'x', '30');
    c.call('WATCH', 'x');
    c.call('SELECT', 1);
    c.call('SET', 'x', '10');
    c.call('SELECT', 5);
    expect(execPing(c)).toEqual([PONG]);
    c.call('WATCH', 'x');
    c.call('SELECT', 1);
    c.call('SET', 'x', '10');
    c.call('SELECT', 5);
    c.call('SET', 'x', '11');
    expect(execPing(c)).toBeNull();
  });

  it('after EXEC, successful or not, the key is no longer watched', () => {
    const c = new Harness().client();
    c.call('SET', 'x', '30');
    c.call('WATCH', 'x');
    expect(execPing(c)).toEqual([PONG]);
    c.call('SET', 'x', '40');
    expect(execPing(c)).toEqual([PONG]);
    c.call('WATCH', 'x');
    c.call('SET', 'x', '50');
    expect(execPing(c)).toBeNull();
    c.call('SET', 'x', '60');
    expect(execPing(c)).toEqual([PONG]);
  });

  it('UNWATCH forgets watched keys and a pending failure', () => {
    const c = new Harness().client();
    expect(c.call('UNWATCH')).toEqual({ simple: 'OK' });
    c.call('SET', 'x', '30');
    c.call('WATCH', 'x');
    c.call('SET', 'x', '40');
    expect(c.call('UNWATCH')).toEqual({ simple: 'OK' });
    expect(execPing(c)).toEqual([PONG]);
  });

  it('DISCARD clears the failure and unwatches every key', () => {
    const c = new Harness().client();
    c.call('WATCH', 'x');
    c.call('SET', 'x', '10');
    c.call('MULTI');
    c.call('DISCARD');
    c.call('MULTI');
    c.call('SET', 'x', '11');
    expect(c.call('EXEC')).toEqual([{ simple: 'OK' }]);
    c.call('WATCH', 'x');
    c.call('MULTI');
    c.call('DISCARD');
    c.call('SET', 'x', '10');
    expect(execPing(c)).toEqual([PONG]);
  });

  it('a closed client leaves no watchers behind', () => {
    const h = new Harness();
    const c = h.client();
    c.call('WATCH', 'a', 'b');
    expect(h.core.watch.watchedKeyCount).toBe(2);
    c.close();
    expect(h.core.watch.watchedKeyCount).toBe(0);
  });
});

describe('WATCH and expiry', () => {
  it('a watched key that expires lazily before EXEC fails it', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'key', '1', 'PX', 100);
    c.call('WATCH', 'key');
    h.advance(101);
    c.call('MULTI');
    c.call('GET', 'key');
    expect(c.call('EXEC')).toBeNull();
  });

  it('a watched key past its TTL at EXEC fails it even if nothing deleted it yet', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'key', '1', 'PX', 100);
    c.call('WATCH', 'key');
    h.advance(101);
    expect(execPing(c)).toBeNull();
  });

  it('a watched key removed by the active expire cycle fails EXEC', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'x', 'foo', 'PX', 1000);
    c.call('WATCH', 'x');
    h.advance(1001);
    h.keyspace.activeExpireCycle(1000);
    expect(h.keyspace.db(0).size).toBe(0);
    expect(execPing(c)).toBeNull();
  });

  it('watching a key already expired (stale) does not fail EXEC', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'x', 'foo', 'PX', 1);
    h.advance(2);
    c.call('WATCH', 'x');
    expect(execPing(c)).toEqual([PONG]);
  });

  it('deleting a stale watched key by looking it up does not fail EXEC', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'x', 'foo', 'PX', 1);
    h.advance(2);
    c.call('WATCH', 'x');
    expect(c.call('GET', 'x')).toBeNull();
    expect(execPing(c)).toEqual([PONG]);
  });

  it('writing a stale watched key does fail EXEC', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'x', 'foo', 'PX', 1);
    h.advance(2);
    c.call('WATCH', 'x');
    c.call('SET', 'x', 'bar');
    expect(execPing(c)).toBeNull();
  });
});

// FLUSHDB / FLUSHALL / SWAPDB reach WATCH through storage's observer; these drive the
// keyspace directly so they hold whichever keyspace commands exist.
describe('WATCH and whole-database changes', () => {
  it('flushing the database of an existing watched key fails EXEC', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'x', '30');
    c.call('WATCH', 'x');
    h.keyspace.flushDb(0);
    expect(execPing(c)).toBeNull();
    c.call('SET', 'x', '30');
    c.call('WATCH', 'x');
    h.keyspace.flushAll();
    expect(execPing(c)).toBeNull();
  });

  it('flushing when the watched key did not exist, or another database, does not fail EXEC', () => {
    const h = new Harness();
    const c = h.client();
    c.call('WATCH', 'x');
    h.keyspace.flushAll();
    h.keyspace.flushDb(0);
    c.call('SET', 'y', '1');
    c.call('WATCH', 'y');
    h.keyspace.flushDb(1);
    expect(execPing(c)).toEqual([PONG]);
  });

  it('flushing a stale watched key does not fail EXEC, but a later write does', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'x', 'foo', 'PX', 1);
    h.advance(2);
    c.call('WATCH', 'x');
    h.keyspace.flushDb(0);
    expect(execPing(c)).toEqual([PONG]);
    c.call('SET', 'y', 'foo', 'PX', 1);
    h.advance(2);
    c.call('WATCH', 'y');
    h.keyspace.flushAll();
    c.call('SET', 'y', '1');
    expect(execPing(c)).toBeNull();
  });

  it('flushing all with several watched keys of one client fails EXEC once', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'a', 'a');
    c.call('SET', 'b', 'b');
    c.call('WATCH', 'b', 'a');
    h.keyspace.flushAll();
    expect(c.call('PING')).toEqual(PONG);
    expect(execPing(c)).toBeNull();
  });

  it('swapping fails EXEC for a watched key that existed or that the swap creates', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'x', '30');
    c.call('WATCH', 'x');
    h.keyspace.swap(0, 1);
    expect(execPing(c)).toBeNull();
    h.keyspace.flushAll();
    c.call('SELECT', 1);
    c.call('SET', 'x', '30');
    c.call('SELECT', 0);
    c.call('WATCH', 'x');
    h.keyspace.swap(0, 1);
    expect(execPing(c)).toBeNull();
  });

  it('swapping a database with itself, or databases without the key, does not fail EXEC', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'x', '30');
    c.call('WATCH', 'x');
    h.keyspace.swap(0, 0);
    h.keyspace.swap(1, 2);
    expect(execPing(c)).toEqual([PONG]);
  });

  it('swapping a stale watched key with nothing does not fail EXEC', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SELECT', 1);
    c.call('SET', 'x', 'foo', 'PX', 1);
    h.advance(2);
    c.call('WATCH', 'x');
    h.keyspace.swap(0, 1);
    expect(execPing(c)).toEqual([PONG]);
  });

  it('swapping a missing watched key with a stale one does not fail EXEC, nor its later expiry', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'x', 'foo', 'PX', 1);
    h.advance(2);
    c.call('SELECT', 1);
    c.call('WATCH', 'x');
    h.keyspace.swap(0, 1);
    expect(c.call('GET', 'x')).toBeNull();
    expect(execPing(c)).toEqual([PONG]);
  });

  it('swapping a stale watched key with another stale key does not fail EXEC', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SELECT', 1);
    c.call('SET', 'x', 'foo', 'PX', 1);
    c.call('SELECT', 0);
    c.call('SET', 'x', 'bar', 'PX', 1);
    h.advance(2);
    c.call('SELECT', 1);
    c.call('WATCH', 'x');
    h.keyspace.swap(0, 1);
    expect(execPing(c)).toEqual([PONG]);
  });

  it('swapping a stale watched key with a live one fails EXEC', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SELECT', 1);
    c.call('SET', 'x', 'foo', 'PX', 1);
    h.advance(2);
    c.call('SELECT', 0);
    c.call('SET', 'x', 'live');
    c.call('SELECT', 1);
    c.call('WATCH', 'x');
    h.keyspace.swap(0, 1);
    expect(execPing(c)).toBeNull();
  });
});

describe('WATCH through keyspace commands', () => {
  const has = (name: string) => new Harness().core.commands.lookup(name) !== undefined;

  it.skipIf(!has('expire'))('EXPIRE on a watched key fails EXEC; a refused EXPIRE does not', () => {
    const c = new Harness().client();
    c.call('SET', 'x', 'foo');
    c.call('WATCH', 'x');
    c.call('EXPIRE', 'x', 10);
    expect(execPing(c)).toBeNull();
    c.call('WATCH', 'x');
    expect(c.call('EXPIRE', 'x', 20, 'NX')).toBe(0);
    expect(execPing(c)).toEqual([PONG]);
  });

  it.skipIf(!has('persist'))('PERSIST fails EXEC only when it removed a TTL', () => {
    const c = new Harness().client();
    c.call('SET', 'x', 'foo');
    c.call('WATCH', 'x');
    expect(c.call('PERSIST', 'x')).toBe(0);
    expect(execPing(c)).toEqual([PONG]);
    c.call('SET', 'x', 'foo', 'EX', 100);
    c.call('WATCH', 'x');
    expect(c.call('PERSIST', 'x')).toBe(1);
    expect(execPing(c)).toBeNull();
  });

  it.skipIf(!has('rename'))('RENAME fails EXEC for watchers of the source and of the destination', () => {
    const c = new Harness().client();
    c.call('SET', 'a', '1');
    c.call('WATCH', 'x');
    c.call('RENAME', 'a', 'x');
    expect(execPing(c)).toBeNull();
    c.call('WATCH', 'x');
    c.call('RENAME', 'x', 'b');
    expect(execPing(c)).toBeNull();
  });

  it.skipIf(!has('flushdb'))('FLUSHDB and FLUSHALL fail EXEC only for watched keys that existed', () => {
    const c = new Harness().client();
    c.call('SET', 'x', '30');
    c.call('WATCH', 'x');
    expect(c.call('FLUSHDB')).toEqual({ simple: 'OK' });
    expect(execPing(c)).toBeNull();
    c.call('WATCH', 'x');
    c.call('FLUSHDB');
    c.call('FLUSHALL');
    expect(execPing(c)).toEqual([PONG]);
    c.call('SET', 'x', '30');
    c.call('WATCH', 'x');
    c.call('FLUSHALL');
    expect(execPing(c)).toBeNull();
  });

  it.skipIf(!has('swapdb'))('SWAPDB fails EXEC when the watched key exists on either side', () => {
    const c = new Harness().client();
    c.call('SET', 'x', '30');
    c.call('WATCH', 'x');
    expect(c.call('SWAPDB', 0, 1)).toEqual({ simple: 'OK' });
    expect(execPing(c)).toBeNull();
    c.call('WATCH', 'x');
    c.call('SWAPDB', 0, 1);
    expect(execPing(c)).toBeNull();
    c.call('WATCH', 'y');
    c.call('SWAPDB', 0, 1);
    expect(execPing(c)).toEqual([PONG]);
  });

  it.skipIf(!has('move'))('MOVE fails EXEC for watchers in the source and the target database', () => {
    const c = new Harness().client();
    c.call('SET', 'x', '1');
    c.call('WATCH', 'x');
    expect(c.call('MOVE', 'x', 1)).toBe(1);
    expect(execPing(c)).toBeNull();
    c.call('SELECT', 1);
    c.call('WATCH', 'x');
    c.call('SELECT', 0);
    c.call('SET', 'x', '2');
    c.call('DEL', 'x');
    c.call('SELECT', 1);
    expect(execPing(c)).toEqual([PONG]);
    c.call('SELECT', 0);
    c.call('SET', 'y', '1');
    c.call('SELECT', 1);
    c.call('WATCH', 'y');
    c.call('SELECT', 0);
    c.call('MOVE', 'y', 1);
    c.call('SELECT', 1);
    expect(execPing(c)).toBeNull();
  });
});
