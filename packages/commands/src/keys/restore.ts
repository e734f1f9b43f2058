// RESTORE key ttl payload [REPLACE] [ABSTTL] [IDLETIME s] [FREQ f]: options first, then the
// existing key, the TTL, the payload footer and body — Redis 7.0's order and error texts. A
// TTL already past stores nothing (deleting a replaced key); the access stamp follows
// objectSetLRUOrLFU. Propagated with an absolute TTL, or as DEL when it only deleted.

import { type Int64, RedisError, SyntaxError } from '@cinnabar/common';
import { type ClientSession, defineCommand, int64Arg, token } from '@cinnabar/command-kit';
import { BadDataFormatError, parseDumpPayload } from '@cinnabar/persistence';
import { reply } from '@cinnabar/resp';
import { type Entry, EventClass } from '@cinnabar/storage';
import { propagateAs } from '../propagate.js';

interface RestoreOptions {
  replace: boolean;
  absttl: boolean;
  idle: Int64 | null;
  freq: Int64 | null;
}

function parseOptions(argv: readonly string[]): RestoreOptions {
  const o: RestoreOptions = { replace: false, absttl: false, idle: null, freq: null };
  for (let j = 4; j < argv.length; j++) {
    const t = token(argv[j]);
    const more = j + 1 < argv.length;
    if (t === 'REPLACE') o.replace = true;
    else if (t === 'ABSTTL') o.absttl = true;
    else if (t === 'IDLETIME' && more && o.freq === null) {
      o.idle = int64Arg(argv[++j] as string);
      if (o.idle < 0) throw new RedisError('ERR Invalid IDLETIME value, must be >= 0');
    } else if (t === 'FREQ' && more && o.idle === null) {
      o.freq = int64Arg(argv[++j] as string);
      if (o.freq < 0 || o.freq > 255) throw new RedisError('ERR Invalid FREQ value, must be >= 0 and <= 255');
    } else {
      throw new SyntaxError();
    }
  }
  return o;
}

/** objectSetLRUOrLFU: FREQ under an LFU policy, IDLETIME (seconds back on the LRU clock) otherwise. */
function stampAccess(c: ClientSession, e: Entry, o: RestoreOptions): void {
  if (c.db.lfu !== null) {
    // LFU stamp: 16 bits of minutes (LFUGetTimeInMinutes), then the 8-bit counter.
    if (o.freq !== null) e.lru = ((Math.floor(c.server.clock.nowMs() / 60000) & 0xffff) << 8) | Number(o.freq);
  } else if (o.idle !== null) {
    // An underflow adds LRU_CLOCK_MAX once; the 24-bit field keeps the low bits.
    let at = BigInt(c.server.keyspace.lruClock) - BigInt(o.idle);
    if (at < 0n) at += 0xffffffn;
    e.lru = Number(BigInt.asUintN(24, at));
  }
}

export const restore = defineCommand({
  name: 'restore', arity: -4, flags: ['write', 'denyoom'], acl: ['@keyspace', '@write', '@slow', '@dangerous'],
  keys: { first: 1, last: 1, step: 1, flags: ['OW', 'UPDATE'] },
  docs: {
    summary: 'Create a key using the provided serialized value, previously obtained using DUMP.', since: '2.6.0', group: 'generic',
    complexity: 'O(1) to create the new key and additional O(N*M) to reconstruct the serialized value, where N is the number of Redis objects composing the value and M their average size. For small string values the time complexity is thus O(1)+O(1*M) where M is small, so simply O(1). However for sorted set values the complexity is O(N*M*log(N)) because inserting values into sorted sets is O(log(N)).',
  },
  run: (c, argv) => {
    const o = parseOptions(argv);
    const { db, server } = c;
    const key = argv[1] as string;
    if (!o.replace && db.lookup(key) !== undefined) throw new RedisError('BUSYKEY Target key name already exists.');
    const ttlArg = int64Arg(argv[2] as string);
    if (ttlArg < 0) throw new RedisError('ERR Invalid TTL value, must be >= 0');
    let value;
    try {
      value = parseDumpPayload(argv[3] as string, server.keyspace.limits, undefined, server.config.get<string>('sanitize-dump-payload') !== 'no');
    } catch (e) {
      if (e instanceof BadDataFormatError) server.log.debug(`Internal error in RDB reading offset 0, function at rdb.c:0 -> ${e.reason}`);
      throw e;
    }

    const deleted = o.replace && db.delete(key);
    const now = server.clock.nowMs();
    let ttl = Number(ttlArg);
    if (ttl !== 0 && !o.absttl) ttl += now;
    if (ttl !== 0 && ttl <= now && !db.isReplica()) {
      if (deleted) {
        db.changed(key, EventClass.generic, 'del');
        propagateAs(c, ['DEL', key]);
      }
      return reply.ok;
    }
    const e = db.add(key, value, ttl);
    if (ttl !== 0 && !o.absttl) propagateAs(c, [...argv.slice(0, 2), String(ttl), ...argv.slice(3), 'ABSTTL']);
    stampAccess(c, e, o);
    db.changed(key, EventClass.generic, 'restore');
    return reply.ok;
  },
});
