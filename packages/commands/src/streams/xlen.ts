import { defineCommand } from '@cinnabar/command-kit';
import { readStream } from './stream-ops.js';

export const xlen = defineCommand({
  name: 'xlen', arity: 2, flags: ['readonly', 'fast'], acl: ['@read', '@stream', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO'] },
  docs: { summary: 'Return the number of entries in a stream', since: '5.0.0', group: 'stream', complexity: 'O(1)' },
  run: (c, argv) => readStream(c.db, argv[1] as string)?.length ?? 0,
});
