import { defineCommand } from '@cinnabar/command-kit';
import { georadiusGeneric } from './georadius-generic.js';

export const geosearch = defineCommand({
  name: 'geosearch', arity: -7, flags: ['readonly'], acl: ['@read', '@geo', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: {
    summary: 'Query a sorted set representing a geospatial index to fetch members inside an area of a box or a circle.', since: '6.2.0', group: 'geo',
    complexity: 'O(N+log(M)) where N is the number of elements in the grid-aligned bounding box area around the shape provided as the filter and M is the number of items inside the shape',
  },
  run: (c, argv) => georadiusGeneric(c, argv, 'search'),
});
