import { RedisError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { lfuPolicy, objectLookup } from './object-lookup.js';

export const objectFreq = defineCommand({
  name: 'object|freq', arity: 3, flags: ['readonly'], acl: ['@keyspace', '@read', '@slow'],
  keys: { first: 2, last: 2, step: 1, flags: ['RO'] },
  tips: ['nondeterministic_output'],
  docs: { summary: 'Get the logarithmic access frequency counter of a Redis object', since: '4.0.0', group: 'generic', complexity: 'O(1)' },
  run: (c, argv) => {
    const e = objectLookup(c, argv[2] as string);
    if (e === undefined) return null;
    if (!lfuPolicy(c)) {
      throw new RedisError('ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.');
    }
    return c.db.accessFrequency(e);
  },
});
