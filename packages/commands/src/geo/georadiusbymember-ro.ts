import { defineCommand } from '@cinnabar/command-kit';
import { georadiusGeneric } from './georadius-generic.js';

export const georadiusbymemberRo = defineCommand({
  name: 'georadiusbymember_ro', arity: -5, flags: ['readonly'], acl: ['@read', '@geo', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'A read-only variant for GEORADIUSBYMEMBER', since: '3.2.10', group: 'geo', complexity: 'O(N+log(M)) where N is the number of elements inside the bounding box of the circular area delimited by center and radius and M is the number of items inside the index.' },
  run: (c, argv) => georadiusGeneric(c, argv, 'bymember_ro'),
});
