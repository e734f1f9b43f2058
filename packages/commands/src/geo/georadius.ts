import { defineCommand } from '@cinnabar/command-kit';
import { georadiusGeneric } from './georadius-generic.js';
import { georadiusKeys } from './store-keys.js';

export const georadius = defineCommand({
  name: 'georadius', arity: -6, flags: ['write', 'denyoom'], acl: ['@write', '@geo', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] }, getKeys: georadiusKeys(6),
  docs: {
    summary: 'Query a sorted set representing a geospatial index to fetch members matching a given maximum distance from a point', since: '3.2.0', group: 'geo',
    complexity: 'O(N+log(M)) where N is the number of elements inside the bounding box of the circular area delimited by center and radius and M is the number of items inside the index.',
  },
  run: (c, argv) => georadiusGeneric(c, argv, 'radius'),
});
