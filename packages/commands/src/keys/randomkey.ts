import { defineCommand } from '@cinnabar/command-kit';

export const randomkey = defineCommand({
  name: 'randomkey', arity: 1, flags: ['readonly', 'touches_arbitrary_keys'], acl: ['@keyspace', '@read', '@slow'],
  keys: null,
  tips: ['request_policy:all_shards', 'nondeterministic_output'],
  docs: { summary: 'Return a random key from the keyspace', since: '1.0.0', group: 'generic', complexity: 'O(1)' },
  run: ({ db }) => db.randomEntry()?.key ?? null,
});
