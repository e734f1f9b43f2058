import { defineCommand } from '@cinnabar/command-kit';
import { createDumpPayload } from '@cinnabar/persistence';

export const dump = defineCommand({
  name: 'dump', arity: 2, flags: ['readonly'], acl: ['@keyspace', '@read', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  tips: ['nondeterministic_output'],
  docs: {
    summary: 'Return a serialized version of the value stored at the specified key.', since: '2.6.0', group: 'generic',
    complexity: 'O(1) to access the key and additional O(N*M) to serialize it, where N is the number of Redis objects composing the value and M their average size. For small string values the time complexity is thus O(1)+O(1*M) where M is small, so simply O(1).',
  },
  run: ({ db, server }, argv) => {
    const e = db.lookupRead(argv[1] as string);
    if (e === undefined) return null;
    return createDumpPayload(e.value, server.config.get<boolean>('rdbcompression'));
  },
});
