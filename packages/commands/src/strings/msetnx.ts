import { defineCommand } from '@cinnabar/command-kit';
import { msetPairs } from './mset.js';

export const msetnx = defineCommand({
  name: 'msetnx', arity: -3, flags: ['write', 'denyoom'], acl: ['@write', '@string', '@slow'],
  keys: { first: 1, last: -1, step: 2, flags: ['OW', 'INSERT'] },
  tips: ['request_policy:multi_shard', 'response_policy:agg_min'],
  docs: { summary: 'Set multiple keys to multiple values, only if none of the keys exist', since: '1.0.1', group: 'string', complexity: 'O(N) where N is the number of keys to set.' },
  run: ({ db }, argv) => (db.strings.mset(msetPairs(argv), true) ? 1 : 0),
});
