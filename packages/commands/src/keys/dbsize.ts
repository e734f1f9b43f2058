import { defineCommand } from '@cinnabar/command-kit';

export const dbsize = defineCommand({
  name: 'dbsize', arity: 1, flags: ['readonly', 'fast'], acl: ['@keyspace', '@read', '@fast'],
  keys: null,
  tips: ['request_policy:all_shards', 'response_policy:agg_sum'],
  docs: { summary: 'Return the number of keys in the selected database', since: '1.0.0', group: 'server', complexity: 'O(1)' },
  run: ({ db }) => db.size,
});
