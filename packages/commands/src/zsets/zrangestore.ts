import { defineCommand } from '@cinnabar/command-kit';
import { ZSetValue } from '@cinnabar/storage';
import { collectRange, parseRange } from './zrange-generic.js';
import { readZSet, storeZSet } from './zset-lookup.js';

export const zrangestore = defineCommand({
  name: 'zrangestore', arity: -5, flags: ['write', 'denyoom'], acl: ['@write', '@sortedset', '@slow'],
  keys: { first: 1, last: 2, step: 1, flags: ['OW', 'UPDATE'] },
  docs: { summary: 'Store a range of members from sorted set into another key', since: '6.2.0', group: 'sorted_set', complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements stored into the destination key.' },
  run: ({ db, server }, argv) => {
    const req = parseRange(argv, 2, true);
    const src = readZSet(db, argv[2] as string);
    const pairs = src === undefined ? [] : collectRange(src, req);
    // Redis sizes the destination up front by the rank range's length (none for score and lex
    // ranges), then adds in reply order: which members pass through a listpack, losing a -0
    // score, depends on that.
    const result = ZSetValue.forSize(req.kind === 'rank' ? pairs.length : -1, server.keyspace.limits);
    for (const [m, s] of pairs) result.set(m, s, server.keyspace.limits);
    return storeZSet(db, argv[1] as string, result, 'zrangestore');
  },
});
