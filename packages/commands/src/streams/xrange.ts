import { defineCommand } from '@cinnabar/command-kit';
import { rangeGeneric } from './xrange-generic.js';

export const xrange = defineCommand({
  name: 'xrange', arity: -4, flags: ['readonly'], acl: ['@read', '@stream', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Return a range of elements in a stream, with IDs matching the specified IDs interval', since: '5.0.0', group: 'stream', complexity: 'O(N) with N being the number of elements being returned. If N is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1).' },
  run: (c, argv) => rangeGeneric(c.db, argv, false),
});
