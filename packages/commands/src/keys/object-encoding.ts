import { defineCommand } from '@cinnabar/command-kit';
import { stringEncoding } from '@cinnabar/storage';
import { objectLookup } from './object-lookup.js';

export const objectEncoding = defineCommand({
  name: 'object|encoding', arity: 3, flags: ['readonly'], acl: ['@keyspace', '@read', '@slow'],
  keys: { first: 2, last: 2, step: 1, flags: ['RO'] },
  tips: ['nondeterministic_output'],
  docs: { summary: 'Inspect the internal encoding of a Redis object', since: '2.2.3', group: 'generic', complexity: 'O(1)' },
  run: (c, argv) => {
    const e = objectLookup(c, argv[2] as string);
    if (e === undefined) return null;
    const v = e.value;
    return typeof v === 'string' ? stringEncoding(v, e.rawString) : v.encoding();
  },
});
