import { defineCommand } from '@cinnabar/command-kit';

export const touch = defineCommand({
  name: 'touch', arity: -2, flags: ['readonly', 'fast'], acl: ['@keyspace', '@read', '@fast'],
  keys: { first: 1, last: -1, step: 1, flags: ['RO'] },
  tips: ['request_policy:multi_shard', 'response_policy:agg_sum'],
  docs: { summary: 'Alters the last access time of a key(s). Returns the number of existing keys specified.', since: '3.2.1', group: 'generic', complexity: 'O(N) where N is the number of keys that will be touched.' },
  run: ({ db }, argv) => {
    let n = 0;
    for (let i = 1; i < argv.length; i++) if (db.lookupRead(argv[i] as string) !== undefined) n++;
    return n;
  },
});
