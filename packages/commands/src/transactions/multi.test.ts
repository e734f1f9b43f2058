// MULTI / EXEC / DISCARD as Redis 7.0: commands queue with QUEUED, EXEC answers all their
// replies in one array, queue-time errors abort with EXECABORT, run-time errors do not.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const QUEUED = { simple: 'QUEUED' };
const OK = { simple: 'OK' };

describe('MULTI / EXEC / DISCARD', () => {
  it('queues commands and answers them in one array', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'v');
    expect(c.call('MULTI')).toEqual(OK);
    expect(c.call('GET', 'k')).toEqual(QUEUED);
    expect(c.call('PING')).toEqual(QUEUED);
    expect(c.call('SET', 'k', 'w')).toEqual(QUEUED);
    expect(c.raw('EXEC')).toBe('*3\r\n$1\r\nv\r\n+PONG\r\n+OK\r\n');
    expect(c.call('GET', 'k')).toBe('w');
  });

  it('queued commands run only at EXEC', () => {
    const h = new Harness();
    const [c, other] = [h.client(), h.client()];
    c.call('MULTI');
    c.call('SET', 'k', 'v');
    expect(other.call('GET', 'k')).toBeNull();
    c.call('EXEC');
    expect(other.call('GET', 'k')).toBe('v');
  });

  it('an empty transaction answers an empty array', () => {
    const c = new Harness().client();
    c.call('MULTI');
    expect(c.raw('EXEC')).toBe('*0\r\n');
  });

  it('DISCARD drops the queue and leaves the transaction', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'v');
    c.call('MULTI');
    expect(c.call('DEL', 'k')).toEqual(QUEUED);
    expect(c.call('DISCARD')).toEqual(OK);
    expect(c.call('GET', 'k')).toBe('v');
    expect(c.call('EXEC')).toEqual({ error: 'ERR EXEC without MULTI' });
  });

  it('EXEC and DISCARD without MULTI are errors', () => {
    const c = new Harness().client();
    expect(c.call('EXEC')).toEqual({ error: 'ERR EXEC without MULTI' });
    expect(c.call('DISCARD')).toEqual({ error: 'ERR DISCARD without MULTI' });
  });

  it('nested MULTI is refused without aborting the transaction', () => {
    const c = new Harness().client();
    c.call('MULTI');
    c.call('SET', 'k', 'v');
    expect(c.call('MULTI')).toEqual({ error: 'ERR MULTI calls can not be nested' });
    expect(c.call('EXEC')).toEqual([OK]);
    expect(c.call('GET', 'k')).toBe('v');
  });

  it('WATCH inside MULTI is refused without aborting the transaction', () => {
    const c = new Harness().client();
    c.call('MULTI');
    expect(c.call('WATCH', 'x')).toEqual({ error: 'ERR WATCH inside MULTI is not allowed' });
    expect(c.call('PING')).toEqual(QUEUED);
    expect(c.call('EXEC')).toEqual([{ simple: 'PONG' }]);
  });

  it('an unknown command while queueing aborts EXEC and nothing runs', () => {
    const c = new Harness().client();
    c.call('MULTI');
    c.call('SET', 'foo1', 'bar1');
    expect(c.call('non-existing-command')).toEqual({
      error: "ERR unknown command 'non-existing-command', with args beginning with: ",
    });
    c.call('SET', 'foo2', 'bar2');
    expect(c.call('EXEC')).toEqual({ error: 'EXECABORT Transaction discarded because of previous errors.' });
    expect(c.call('GET', 'foo1')).toBeNull();
    expect(c.call('GET', 'foo2')).toBeNull();
    expect(c.call('PING')).toEqual({ simple: 'PONG' });
  });

  it('a wrong arity while queueing aborts EXEC', () => {
    const c = new Harness().client();
    c.call('MULTI');
    expect(c.call('GET')).toEqual({ error: "ERR wrong number of arguments for 'get' command" });
    c.call('SET', 'k', 'v');
    expect(c.call('EXEC')).toEqual({ error: 'EXECABORT Transaction discarded because of previous errors.' });
    expect(c.call('GET', 'k')).toBeNull();
  });

  it('a run-time error inside EXEC is one element; the rest still runs', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'v');
    c.call('MULTI');
    c.call('SET', 'a', '1');
    c.call('SET', 'k', 'v', 'EX', 'notanumber');
    c.call('GET', 's');
    c.call('SET', 'b', '2');
    expect(c.call('EXEC')).toEqual([
      OK, { error: 'ERR value is not an integer or out of range' }, 'v', OK,
    ]);
    expect(c.call('GET', 'b')).toBe('2');
  });

  it('RESP3: a failed EXEC is a null, in RESP2 a null array', () => {
    const h = new Harness();
    const [c, other] = [h.client(), h.client()];
    c.call('WATCH', 'k');
    other.call('SET', 'k', 'v');
    c.call('MULTI');
    expect(c.raw('EXEC')).toBe('*-1\r\n');
    c.session.resp = 3;
    c.call('WATCH', 'k');
    other.call('SET', 'k', 'w');
    c.call('MULTI');
    expect(c.raw('EXEC')).toBe('_\r\n');
  });

  it('SELECT inside a transaction changes the database for what follows', () => {
    const c = new Harness().client();
    c.call('MULTI');
    c.call('SELECT', 1);
    c.call('SET', 'k', 'one');
    expect(c.call('EXEC')).toEqual([OK, OK]);
    expect(c.call('GET', 'k')).toBe('one');
    c.call('SELECT', 0);
    expect(c.call('GET', 'k')).toBeNull();
  });

  it('arity of the transaction commands is checked', () => {
    const c = new Harness().client();
    expect(c.call('MULTI', 'x')).toEqual({ error: "ERR wrong number of arguments for 'multi' command" });
    expect(c.call('EXEC', 'x')).toEqual({ error: "ERR wrong number of arguments for 'exec' command" });
    expect(c.call('WATCH')).toEqual({ error: "ERR wrong number of arguments for 'watch' command" });
    expect(c.call('UNWATCH', 'x')).toEqual({ error: "ERR wrong number of arguments for 'unwatch' command" });
  });
});
