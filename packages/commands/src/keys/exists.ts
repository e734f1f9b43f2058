import { defineCommand } from '@cinnabar/command-kit';

export const exists = defineCommand({
  name: 'exists', arity: -2, flags: ['readonly', 'fast'], acl: ['@keyspace', '@read', '@fast'],
  keys: { first: 1, last: -1, step: 1, flags: ['RO'] },
  tips: ['request_policy:multi_shard', 'response_policy:agg_sum'],
  docs: { summary: 'Determine if a key exists', since: '1.0.0', group: 'generic', complexity: 'O(N) where N is the number of keys to check.' },
  run: ({ db }, argv) => {
    let n = 0;
    for (let i = 1; i < argv.length; i++) if (db.lookupRead(argv[i] as string, false) !== undefined) n++;
    return n;
  },
});
