import { defineCommand } from '@cinnabar/command-kit';
import { propagateAs } from '../propagate.js';

export const incrbyfloat = defineCommand({
  name: 'incrbyfloat', arity: 3, flags: ['write', 'denyoom', 'fast'], acl: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'ACCESS', 'UPDATE'] },
  docs: { summary: 'Increment the float value of a key by the given amount', since: '2.6.0', group: 'string', complexity: 'O(1)' },
  run: (c, argv) => {
    const value = c.db.strings.incrByFloat(argv[1] as string, argv[2] as string);
    // The result, not the increment, so float formatting cannot make replicas differ.
    propagateAs(c, ['SET', argv[1] as string, value, 'KEEPTTL']);
    return value;
  },
});
