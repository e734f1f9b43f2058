import { RedisError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { EventClass, formatId, MAX_ID, StreamValue } from '@cinnabar/storage';
import { asStream, nodeLimits, U64_MAX } from './stream-ops.js';
import { propagateAs } from '../propagate.js';
import { exactTrimArgv, parseAddOrTrim } from './trim-args.js';

export const xadd = defineCommand({
  name: 'xadd', arity: -5, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@stream', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'UPDATE'] },
  tips: ['nondeterministic_output'],
  docs: { summary: 'Appends a new entry to a stream', since: '5.0.0', group: 'stream', complexity: 'O(1) when adding a new entry, O(N) when trimming where N being the number of entries evicted.' },
  run: (c, argv) => {
    const limits = nodeLimits(c);
    const a = parseAddOrTrim(argv, true, limits.streamNodeMaxEntries, c.mustObey);
    const fieldCount = argv.length - a.idPos - 1;
    if (fieldCount < 2 || fieldCount % 2 === 1) throw new RedisError("ERR wrong number of arguments for 'xadd' command");
    if (a.id !== undefined && a.seqGiven && a.id === 0n) throw new RedisError('ERR The ID specified in XADD must be greater than 0-0');
    const key = argv[1] as string;
    const db = c.db;
    let e = db.lookup(key);
    if (e === undefined) {
      if (a.noMkStream) return null;
      e = db.add(key, new StreamValue());
    }
    const s = asStream(e);
    if (s.lastId === MAX_ID) throw new RedisError('ERR The stream has exhausted the last possible ID, unable to add more items');
    let id: bigint;
    if (a.id === undefined) {
      const now = BigInt(c.server.clock.nowMs());
      id = now > s.lastId >> 64n ? now << 64n : s.lastId + 1n;
    } else if (!a.seqGiven && a.id >> 64n === s.lastId >> 64n) {
      // Redis's streamAppendItem fails here without setting errno, so XADD answers with its
      // generic "too large" text rather than the equal-or-smaller one.
      if ((s.lastId & U64_MAX) === U64_MAX) throw new RedisError('ERR Elements are too large to be stored');
      id = s.lastId + 1n;
    } else {
      id = a.id;
    }
    if (id <= s.lastId) {
      throw new RedisError('ERR The ID specified in XADD is equal or smaller than the target stream top item');
    }
    s.append(id, argv.slice(a.idPos + 1), limits);
    db.changed(key, EventClass.stream, 'xadd');
    if (a.trim !== null && s.trim(a.trim) > 0) db.notify(key, EventClass.stream, 'xtrim');
    // Propagated with the ID it got and an approximate trim made exact.
    const exact = exactTrimArgv(argv, a, s);
    if (a.id === undefined || !a.seqGiven) exact[a.idPos] = formatId(id);
    propagateAs(c, exact);
    return formatId(id);
  },
});
