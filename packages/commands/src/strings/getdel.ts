import { defineCommand } from '@cinnabar/command-kit';
import { propagateAsDeletion } from '../propagate.js';

export const getdel = defineCommand({
  name: 'getdel', arity: 2, flags: ['write', 'fast'], acl: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'DELETE'] },
  docs: { summary: 'Get the value of a key and delete the key', since: '6.2.0', group: 'string', complexity: 'O(1)' },
  run: (c, argv) => {
    propagateAsDeletion(c, argv[1] as string, 'lazyfree-lazy-user-del');
    return c.db.strings.getDel(argv[1] as string);
  },
});
