import { defineCommand } from '@cinnabar/command-kit';
import { readGeneric } from './read-generic.js';
import { streamsKeys } from './stream-ops.js';

export const xread = defineCommand({
  name: 'xread', arity: -4, flags: ['blocking', 'readonly', 'movablekeys'], acl: ['@read', '@stream', '@slow', '@blocking'],
  keys: { first: 0, last: 0, step: 0, flags: ['RO', 'ACCESS'] },
  getKeys: streamsKeys,
  docs: { summary: 'Return never seen elements in multiple streams, with IDs greater than the ones reported by the caller for each stream. Can block.', since: '5.0.0', group: 'stream', complexity: 'For each stream mentioned: O(N) with N being the number of elements being returned, it means that XREAD-ing with a fixed COUNT is O(1). Note that when the BLOCK option is used, XADD will pay O(M) time in order to serve the M clients blocked on the stream getting new data.' },
  run: (c, argv) => readGeneric(c, argv, false),
});
