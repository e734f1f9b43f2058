import { defineCommand } from '@cinnabar/command-kit';
import { readSet } from './set-lookup.js';

export const smismember = defineCommand({
  name: 'smismember', arity: -3, flags: ['readonly', 'fast'], acl: ['@read', '@set', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Returns the membership associated with the given elements for a set', since: '6.2.0', group: 'set', complexity: 'O(N) where N is the number of elements being checked for membership' },
  run: ({ db }, argv) => {
    const s = readSet(db, argv[1] as string);
    return argv.slice(2).map((m) => (s?.has(m) === true ? 1 : 0));
  },
});
