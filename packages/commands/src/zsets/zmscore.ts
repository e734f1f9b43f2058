import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { readZSet } from './zset-lookup.js';

export const zmscore = defineCommand({
  name: 'zmscore', arity: -3, flags: ['readonly', 'fast'], acl: ['@read', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Get the score associated with the given members in a sorted set', since: '6.2.0', group: 'sorted_set', complexity: 'O(N) where N is the number of members being requested.' },
  run: ({ db }, argv) => {
    const z = readZSet(db, argv[1] as string);
    return argv.slice(2).map((m) => {
      const s = z?.score(m);
      return s === undefined ? null : reply.double(s);
    });
  },
});
