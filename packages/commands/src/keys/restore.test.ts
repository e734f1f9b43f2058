// RESTORE rebuilds DUMPed values of every type with Redis 7.0's option parsing and error
// texts, TTL rules (relative, ABSTTL, already past), IDLETIME/FREQ stamps, the "restore"
// event, propagation with an absolute TTL, and wakes BLPOP waiters.
import { Buffer } from 'node:buffer';
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function dumped(setup: (c: ReturnType<Harness['client']>) => void): { h: Harness; c: ReturnType<Harness['client']>; payload: string } {
  const h = new Harness();
  const c = h.client();
  setup(c);
  const payload = c.call('DUMP', 'src') as string;
  return { h, c, payload };
}

describe('RESTORE', () => {
  it('recreates strings, lists, sets, hashes, sorted sets and streams with their encodings', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 's', 'hello');
    c.call('RPUSH', 'l', 'a', 'b', '3');
    c.call('SADD', 'si', '1', '2', '3');
    c.call('SADD', 'sh', 'x', 'y');
    c.call('HSET', 'h', 'f', 'v', 'g', 'w');
    c.call('ZADD', 'z', '1.5', 'a', '2', 'b');
    c.call('XADD', 'x', '1-1', 'f', 'v');
    for (const k of ['s', 'l', 'si', 'sh', 'h', 'z', 'x']) {
      const payload = c.call('DUMP', k) as string;
      expect(c.call('RESTORE', `${k}2`, 0, payload)).toEqual({ simple: 'OK' });
      expect(c.call('DEBUG', 'DIGEST-VALUE', `${k}2`)).toEqual(c.call('DEBUG', 'DIGEST-VALUE', k));
      expect(c.call('OBJECT', 'ENCODING', `${k}2`)).toBe(c.call('OBJECT', 'ENCODING', k));
    }
    expect(c.call('LRANGE', 'l2', 0, -1)).toEqual(['a', 'b', '3']);
    expect(c.call('ZRANGE', 'z2', 0, -1, 'WITHSCORES')).toEqual(['a', '1.5', 'b', '2']);
    expect(c.call('XRANGE', 'x2', '-', '+')).toEqual([['1-1', ['f', 'v']]]);
  });

  it('sets a relative TTL, an absolute one with ABSTTL, and none with 0', () => {
    const { h, c, payload } = dumped((c) => c.call('SET', 'src', 'v'));
    const now = h.clock.nowMs();
    c.call('RESTORE', 'a', 3000, payload);
    expect(c.call('PTTL', 'a')).toBe(3000);
    c.call('RESTORE', 'b', now + 2569591501, payload, 'ABSTTL');
    expect(c.call('PTTL', 'b')).toBe(2569591501);
    c.call('RESTORE', 'c', 0, payload);
    expect(c.call('PTTL', 'c')).toBe(-1);
  });

  it('with a TTL already past stores nothing and replies OK; with REPLACE it deletes the old key', () => {
    const { h, c, payload } = dumped((c) => c.call('SET', 'src', 'v'));
    const now = h.clock.nowMs();
    expect(c.call('RESTORE', 'gone', now - 1000, payload, 'ABSTTL')).toEqual({ simple: 'OK' });
    expect(c.call('EXISTS', 'gone')).toBe(0);
    c.call('SET', 'old', 'x');
    expect(c.call('RESTORE', 'old', now, payload, 'ABSTTL', 'REPLACE')).toEqual({ simple: 'OK' });
    expect(c.call('EXISTS', 'old')).toBe(0);
  });

  it('refuses an existing key with BUSYKEY unless REPLACE is given', () => {
    const { c, payload } = dumped((c) => c.call('SET', 'src', 'new'));
    c.call('SET', 'k', 'old');
    expect(c.call('RESTORE', 'k', 0, payload)).toEqual({ error: 'BUSYKEY Target key name already exists.' });
    expect(c.call('GET', 'k')).toBe('old');
    expect(c.call('RESTORE', 'k', 0, payload, 'REPLACE')).toEqual({ simple: 'OK' });
    expect(c.call('GET', 'k')).toBe('new');
  });

  it('answers Redis\'s errors for options, TTLs and payloads, in Redis\'s order', () => {
    const { c, payload } = dumped((c) => c.call('SET', 'src', 'v'));
    c.call('SET', 'busy', 'x');
    expect(c.call('RESTORE', 'k', 0, payload, 'FOO')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('RESTORE', 'k', 0, payload, 'IDLETIME')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('RESTORE', 'k', 0, payload, 'IDLETIME', 1, 'FREQ', 1)).toEqual({ error: 'ERR syntax error' });
    expect(c.call('RESTORE', 'k', 0, payload, 'FREQ', 1, 'IDLETIME', 1)).toEqual({ error: 'ERR syntax error' });
    expect(c.call('RESTORE', 'k', 0, payload, 'IDLETIME', -1)).toEqual({ error: 'ERR Invalid IDLETIME value, must be >= 0' });
    expect(c.call('RESTORE', 'k', 0, payload, 'IDLETIME', 'x')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('RESTORE', 'k', 0, payload, 'FREQ', 256)).toEqual({ error: 'ERR Invalid FREQ value, must be >= 0 and <= 255' });
    expect(c.call('RESTORE', 'busy', 'x', payload, 'FOO')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('RESTORE', 'busy', 'x', payload)).toEqual({ error: 'BUSYKEY Target key name already exists.' });
    expect(c.call('RESTORE', 'k', 'x', payload)).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('RESTORE', 'k', -1, payload)).toEqual({ error: 'ERR Invalid TTL value, must be >= 0' });
    expect(c.call('RESTORE', 'k', 0, 'garbage')).toEqual({ error: 'ERR DUMP payload version or checksum are wrong' });
    expect(c.call('RESTORE', 'k', 0, payload.slice(0, -1) + String.fromCharCode(payload.charCodeAt(payload.length - 1) ^ 1))).toEqual({ error: 'ERR DUMP payload version or checksum are wrong' });
    expect(c.call('RESTORE', 'k')).toEqual({ error: "ERR wrong number of arguments for 'restore' command" });
    expect(c.call('EXISTS', 'k')).toBe(0);
  });

  it('answers ERR Bad data format for a well-checksummed but malformed body', () => {
    const h = new Harness();
    const c = h.client();
    // Type 2 (set) with zero members, version 10, CRC-64 of those bytes.
    const body = '\x02\x00\x0a\x00';
    c.call('SET', 'src', 'v');
    const good = c.call('DUMP', 'src') as string;
    expect(good.slice(-10, -8)).toBe('\x0a\x00');
    const crc = crcOf(body);
    expect(c.call('RESTORE', 'k', 0, body + crc)).toEqual({ error: 'ERR Bad data format' });
  });

  it('sets the idle time with IDLETIME under LRU and the counter with FREQ under LFU', () => {
    const h = new Harness();
    const c = h.client();
    h.advance(5_000_000);
    c.call('SET', 'src', 'v');
    const payload = c.call('DUMP', 'src') as string;
    c.call('RESTORE', 'idle', 0, payload, 'IDLETIME', 1000);
    expect(c.call('OBJECT', 'IDLETIME', 'idle')).toBe(1000);
    c.call('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lfu');
    c.call('RESTORE', 'freq', 0, payload, 'FREQ', 100);
    expect(c.call('OBJECT', 'FREQ', 'freq')).toBe(100);
  });

  it('emits "restore", counts one change, and propagates a relative TTL as absolute with ABSTTL', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'Eg' } });
    const c = h.client();
    const s = h.client();
    c.call('SET', 'src', 'v');
    const payload = c.call('DUMP', 'src') as string;
    s.call('PSUBSCRIBE', '__keyevent@*__:*');
    const fx = h.recordEffects();
    const dirty = h.keyspace.stats.dirty;
    c.call('RESTORE', 'k', 5000, payload);
    c.call('RESTORE', 'k2', 0, payload);
    expect(h.keyspace.stats.dirty).toBe(dirty + 2);
    expect(s.drain()).toEqual([
      ['pmessage', '__keyevent@*__:*', '__keyevent@0__:restore', 'k'],
      ['pmessage', '__keyevent@*__:*', '__keyevent@0__:restore', 'k2'],
    ]);
    expect(fx).toEqual([
      ['SELECT', '0'],
      ['RESTORE', 'k', String(h.clock.nowMs() + 5000), payload, 'ABSTTL'],
      ['RESTORE', 'k2', '0', payload],
    ]);
  });

  it('sanitize-dump-payload no accepts a stream whose listpack counts disagree (Redis skips those checks); yes refuses it', () => {
    // Redis's corrupt-dump "stream bad lp_count" payload (its checksum is wrong too: skipped here).
    const payload = Buffer.from('0f011000000173dedf7d9b00000000000000004042420000001800030100010201846974656d058576616c75650600010201000100010101000156010201220100010101825f3103050102012c010001010102010501ff038100000173dedf7dc70001076d7967726f75708100000173dedf7d9b000100000173dedf7d9b0000000000000000f97ddfde73010000010105416c696365eb7ddfde730100000100000173dedf7d9b00000000000000000900b2a8a75f1b6172d5', 'hex').toString('latin1');
    const c = new Harness({ config: { 'enable-debug-command': 'yes' } }).client();
    c.call('DEBUG', 'SET-SKIP-CHECKSUM-VALIDATION', '1');
    try {
      c.call('CONFIG', 'SET', 'sanitize-dump-payload', 'yes');
      expect(c.call('RESTORE', 's', '0', payload)).toEqual({ error: 'ERR Bad data format' });
      c.call('CONFIG', 'SET', 'sanitize-dump-payload', 'no');
      expect(c.call('RESTORE', 's', '0', payload)).toEqual({ simple: 'OK' });
      expect(c.call('TYPE', 's')).toEqual({ simple: 'stream' });
      expect(Array.isArray(c.call('XREVRANGE', 's', '+', '-'))).toBe(true);
      // Redis's "infinite loop" fuzzer payload: a node listpack damaged mid-way keeps its whole entries.
      const damaged = Buffer.from('0f0110000001753aa6d09300000000000000004042420000001800030100010201846974656d058576616c75650600010201000100010101000105010201000101010101825f3103fd01020100010201010102010501ff0381000001753aa6d0930201076d7967726f757081000001753aa6d0930001000001753aa6d093000000000000000094d0a63a75010000010105416c69636594d0a63a7501000001000001753aa6d09300000000000000000900c409ad697eeea62f', 'hex').toString('latin1');
      c.call('CONFIG', 'SET', 'sanitize-dump-payload', 'yes');
      expect(c.call('RESTORE', 'd', '0', damaged)).toEqual({ error: 'ERR Bad data format' });
      c.call('CONFIG', 'SET', 'sanitize-dump-payload', 'no');
      expect(c.call('RESTORE', 'd', '0', damaged)).toEqual({ simple: 'OK' });
      expect(c.call('XLEN', 'd')).toBe(1);
    } finally {
      c.call('DEBUG', 'SET-SKIP-CHECKSUM-VALIDATION', '0');
    }
  });

  it('serves a client blocked in BLPOP on the restored key', () => {
    const { h, c, payload } = dumped((c) => c.call('RPUSH', 'src', 'x'));
    const waiter = h.client();
    expect(waiter.send('BLPOP', 'q', 0)).toEqual([]);
    c.call('RESTORE', 'q', 0, payload);
    expect(waiter.drain()).toEqual([['q', 'x']]);
    expect(c.call('EXISTS', 'q')).toBe(0);
  });
});

/** CRC-64 (Jones, reflected) of a latin1 string as 8 little-endian chars — bitwise, for tests. */
function crcOf(s: string): string {
  let crc = 0n;
  for (let i = 0; i < s.length; i++) {
    crc ^= BigInt(s.charCodeAt(i));
    for (let b = 0; b < 8; b++) crc = crc & 1n ? (crc >> 1n) ^ 0x95ac9329ac4bc9b5n : crc >> 1n;
  }
  let out = '';
  for (let i = 0; i < 8; i++) out += String.fromCharCode(Number((crc >> BigInt(8 * i)) & 0xffn));
  return out;
}
