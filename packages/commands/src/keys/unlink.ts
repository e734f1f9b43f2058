import { defineCommand } from '@cinnabar/command-kit';
import { deleteKeys } from './del.js';

export const unlink = defineCommand({
  name: 'unlink', arity: -2, flags: ['write', 'fast'], acl: ['@keyspace', '@write', '@fast'],
  keys: { first: 1, last: -1, step: 1, flags: ['RM', 'DELETE'] },
  tips: ['request_policy:multi_shard', 'response_policy:agg_sum'],
  docs: { summary: 'Delete a key asynchronously in another thread. Otherwise it is just as DEL, but non blocking.', since: '4.0.0', group: 'generic', complexity: 'O(1) for each key removed regardless of its size.' },
  run: ({ db }, argv) => deleteKeys(db, argv),
});
