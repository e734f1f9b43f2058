import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { typeName } from '@cinnabar/storage';

export const type = defineCommand({
  name: 'type', arity: 2, flags: ['readonly', 'fast'], acl: ['@keyspace', '@read', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO'] },
  docs: { summary: 'Determine the type stored at key', since: '1.0.0', group: 'generic', complexity: 'O(1)' },
  run: ({ db }, argv) => {
    const e = db.lookupRead(argv[1] as string, false);
    return reply.simple(e === undefined ? 'none' : typeName(e.value));
  },
});
