import { defineCommand } from '@cinnabar/command-kit';
import { readGeneric } from './read-generic.js';
import { streamsKeys } from './stream-ops.js';

export const xreadgroup = defineCommand({
  name: 'xreadgroup', arity: -7, flags: ['blocking', 'write', 'movablekeys'], acl: ['@write', '@stream', '@slow', '@blocking'],
  keys: { first: 0, last: 0, step: 0, flags: ['RW', 'ACCESS'] },
  getKeys: streamsKeys,
  docs: { summary: 'Return new entries from a stream using a consumer group, or access the history of the pending entries for a given consumer. Can block.', since: '5.0.0', group: 'stream', complexity: 'For each stream mentioned: O(M) with M being the number of elements returned. If M is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1). On the other side when XREADGROUP blocks, XADD will pay the O(N) time in order to serve the N clients blocked on the stream getting new data.' },
  run: (c, argv) => readGeneric(c, argv, true),
});
