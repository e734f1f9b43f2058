import { defineCommand } from '@cinnabar/command-kit';
import { propagateAs } from '../propagate.js';

export const getset = defineCommand({
  name: 'getset', arity: 3, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'UPDATE'] },
  docs: { summary: 'Set the string value of a key and return its old value', since: '1.0.0', group: 'string', complexity: 'O(1)' },
  run: (c, argv) => {
    propagateAs(c, ['SET', argv[1] as string, argv[2] as string]);
    return c.db.strings.set(argv[1] as string, argv[2] as string, { get: true }).old;
  },
});
