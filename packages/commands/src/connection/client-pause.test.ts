// CLIENT PAUSE holds requests (all, or those that may write) until UNPAUSE or the timeout,
// then runs them in order — the behaviours of Redis's tests/unit/pause.tcl.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

/** Postponed clients resume after the current command, once the microtask queue runs. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('CLIENT PAUSE WRITE', () => {
  it('does not hold read commands', () => {
    const h = new Harness();
    const admin = h.client();
    expect(admin.call('CLIENT', 'PAUSE', 100000, 'WRITE')).toEqual({ simple: 'OK' });
    const c = h.client();
    expect(c.call('GET', 'FOO')).toBeNull();
    expect(c.call('PING')).toEqual({ simple: 'PONG' });
    expect(h.core.clients.postponedCount).toBe(0);
  });

  it('holds a write until UNPAUSE, then runs it and sends its reply', async () => {
    const h = new Harness();
    const admin = h.client();
    admin.call('CLIENT', 'PAUSE', 60000, 'WRITE');
    const c = h.client();
    expect(c.send('SET', 'FOO', 'BAR')).toEqual([]);
    expect(h.core.clients.postponedCount).toBe(1);
    expect(admin.call('GET', 'FOO')).toBeNull();
    expect(admin.call('CLIENT', 'UNPAUSE')).toEqual({ simple: 'OK' });
    await settle();
    expect(c.drain()).toEqual([{ simple: 'OK' }]);
    expect(admin.call('GET', 'FOO')).toBe('BAR');
    expect(h.core.clients.postponedCount).toBe(0);
  });

  it('holds commands that may replicate, like PUBLISH', async () => {
    const h = new Harness();
    const admin = h.client();
    admin.call('CLIENT', 'PAUSE', 100000, 'WRITE');
    const c = h.client();
    expect(c.send('PUBLISH', 'foo', 'bar')).toEqual([]);
    admin.call('CLIENT', 'UNPAUSE');
    await settle();
    expect(c.drain()).toEqual([0]);
  });

  it('lets a read-only transaction through but holds an EXEC with writes', async () => {
    const h = new Harness();
    const admin = h.client();
    admin.call('SET', 'FOO', 'BAR');
    const writer = h.client();
    writer.call('MULTI');
    expect(writer.call('SET', 'FOO', 'NEW')).toEqual({ simple: 'QUEUED' });
    admin.call('CLIENT', 'PAUSE', 100000, 'WRITE');
    const reader = h.client();
    reader.call('MULTI');
    expect(reader.call('PING')).toEqual({ simple: 'QUEUED' });
    expect(reader.call('GET', 'FOO')).toEqual({ simple: 'QUEUED' });
    expect(reader.call('EXEC')).toEqual([{ simple: 'PONG' }, 'BAR']);
    expect(writer.send('EXEC')).toEqual([]);
    admin.call('CLIENT', 'UNPAUSE');
    await settle();
    expect(writer.drain()).toEqual([[{ simple: 'OK' }]]);
    expect(admin.call('GET', 'FOO')).toBe('NEW');
  });

  it('answers commands with errors at once', () => {
    const h = new Harness();
    const c = h.client();
    c.call('CLIENT', 'PAUSE', 100000, 'WRITE');
    expect(c.call('SET', 'FOO')).toEqual({ error: "ERR wrong number of arguments for 'set' command" });
  });

  it('starts at the end of the transaction that paused', () => {
    const h = new Harness();
    const c = h.client();
    c.call('MULTI');
    c.call('SET', 'FOO1', 'BAR');
    c.call('CLIENT', 'PAUSE', 60000, 'WRITE');
    c.call('SET', 'FOO2', 'BAR');
    expect(c.call('EXEC')).toEqual([{ simple: 'OK' }, { simple: 'OK' }, { simple: 'OK' }]);
    const other = h.client();
    expect(other.send('SET', 'FOO3', 'BAR')).toEqual([]);
    expect([c.call('GET', 'FOO1'), c.call('GET', 'FOO2'), c.call('GET', 'FOO3')]).toEqual(['BAR', 'BAR', null]);
  });

  it('releases several held clients in the order they were held', async () => {
    const h = new Harness();
    const admin = h.client();
    admin.call('CLIENT', 'PAUSE', 60000, 'WRITE');
    const clients = [h.client(), h.client(), h.client()];
    clients.forEach((c, i) => c.send('SET', 'log', String(i), 'GET'));
    expect(h.core.clients.postponedCount).toBe(3);
    admin.call('CLIENT', 'UNPAUSE');
    await settle();
    expect(clients.map((c) => c.drain())).toEqual([[null], ['0'], ['1']]);
    expect(admin.call('GET', 'log')).toBe('2');
  });
});

describe('CLIENT PAUSE ALL', () => {
  it('holds every command, even the pausing client\'s own UNPAUSE, until the timeout', async () => {
    const h = new Harness();
    const c = h.client();
    expect(c.call('CLIENT', 'PAUSE', 1000)).toEqual({ simple: 'OK' });
    expect(c.send('CLIENT', 'UNPAUSE')).toEqual([]);
    const other = h.client();
    h.advance(1000);
    expect(other.send('PING')).toEqual([]);
    h.advance(1);
    h.core.clients.checkPauseTimeout(h.clock.nowMs());
    await settle();
    expect(c.drain()).toEqual([{ simple: 'OK' }]);
    expect(other.drain()).toEqual([{ simple: 'PONG' }]);
  });

  it('ends lazily when any command arrives after the timeout', async () => {
    const h = new Harness();
    const c = h.client();
    c.call('CLIENT', 'PAUSE', 50, 'ALL');
    const held = h.client();
    held.send('GET', 'k');
    h.advance(51);
    expect(h.client().call('PING')).toEqual({ simple: 'PONG' });
    await settle();
    expect(held.drain()).toEqual([null]);
  });

  it('a WRITE pause after ALL keeps ALL; UNPAUSE ends both', async () => {
    const h = new Harness();
    const c = h.client();
    c.call('CLIENT', 'PAUSE', 1000, 'ALL');
    expect(h.core.clients.pauseType).toBe('all');
    h.core.clients.pause('client', h.clock.nowMs() + 5000, 'write', h.clock.nowMs());
    expect([h.core.clients.pauseType, h.core.clients.pauseEndMs]).toEqual(['all', h.clock.nowMs() + 5000]);
    h.core.clients.unpause('client', h.clock.nowMs());
    expect(h.core.clients.pauseType).toBe('off');
  });

  it('does not hold MONITOR clients', () => {
    const h = new Harness();
    const m = h.client();
    m.call('MONITOR');
    h.client().call('CLIENT', 'PAUSE', 1000);
    const replies = m.send('PING');
    expect(replies[0]).toEqual({ simple: 'PONG' });
    expect((replies[1] as { simple: string }).simple).toMatch(/^\d+\.\d{6} \[0 127\.0\.0\.1:50000\] "PING"$/);
    expect(replies).toHaveLength(2);
  });
});

describe('held clients', () => {
  it('show the b flag in CLIENT LIST with their request in argv-mem', () => {
    const h = new Harness();
    const admin = h.client();
    admin.call('CLIENT', 'PAUSE', 100000, 'WRITE');
    const c = h.client();
    c.send('SET', 'key', 'value');
    const list = admin.call('CLIENT', 'LIST', 'ID', c.session.id) as string;
    expect(list).toContain(' flags=b ');
    expect(list).toContain(' argv-mem=11 ');
    expect(list).toContain(' cmd=set ');
  });

  it('keep a pending CLIENT REPLY SKIP for the held request', async () => {
    const h = new Harness();
    const admin = h.client();
    admin.call('CLIENT', 'PAUSE', 100000, 'WRITE');
    const c = h.client();
    c.send('CLIENT', 'REPLY', 'SKIP');
    expect(c.send('SET', 'k', 'v')).toEqual([]);
    admin.call('CLIENT', 'UNPAUSE');
    await settle();
    expect(c.drain()).toEqual([]);
    expect(c.call('GET', 'k')).toBe('v');
  });

  it('are dropped from the queue when they disconnect', async () => {
    const h = new Harness();
    const admin = h.client();
    admin.call('CLIENT', 'PAUSE', 100000, 'WRITE');
    const c = h.client();
    c.send('SET', 'k', 'v');
    c.close();
    expect(h.core.clients.postponedCount).toBe(0);
    admin.call('CLIENT', 'UNPAUSE');
    await settle();
    expect(admin.call('GET', 'k')).toBeNull();
  });
});

describe('CLIENT PAUSE arguments', () => {
  it('rejects a bad mode, timeout or argument count with Redis texts', () => {
    const c = new Harness().client();
    expect(c.call('CLIENT', 'PAUSE', 10, 'foo')).toEqual({ error: 'ERR CLIENT PAUSE mode must be WRITE or ALL' });
    expect(c.call('CLIENT', 'PAUSE', 'abc')).toEqual({ error: 'ERR timeout is not an integer or out of range' });
    expect(c.call('CLIENT', 'PAUSE', '99999999999999999999')).toEqual({ error: 'ERR timeout is not an integer or out of range' });
    expect(c.call('CLIENT', 'PAUSE', -1)).toEqual({ error: 'ERR timeout is negative' });
    expect(c.call('CLIENT', 'PAUSE', 10, 'write', 'x')).toEqual({
      error: "ERR unknown subcommand or wrong number of arguments for 'pause'. Try CLIENT HELP.",
    });
    expect(c.call('CLIENT', 'PAUSE')).toEqual({ error: "ERR wrong number of arguments for 'client|pause' command" });
  });

  it('a zero timeout, or one whose end overflows 64 bits, pauses nothing', () => {
    const h = new Harness();
    const c = h.client();
    expect(c.call('CLIENT', 'PAUSE', 0)).toEqual({ simple: 'OK' });
    expect(h.core.clients.pauseType).toBe('off');
    expect(c.call('CLIENT', 'PAUSE', '9223372036854775807')).toEqual({ simple: 'OK' });
    expect(c.call('PING')).toEqual({ simple: 'PONG' });
  });

  it('UNPAUSE without a pause answers +OK', () => {
    expect(new Harness().client().call('CLIENT', 'UNPAUSE')).toEqual({ simple: 'OK' });
  });
});
