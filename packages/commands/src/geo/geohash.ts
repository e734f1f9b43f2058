import { defineCommand } from '@cinnabar/command-kit';
import { geohashString } from '@cinnabar/storage';
import { readGeoSet } from './geo-args.js';

export const geohash = defineCommand({
  name: 'geohash', arity: -2, flags: ['readonly'], acl: ['@read', '@geo', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: {
    summary: 'Returns members of a geospatial index as standard geohash strings', since: '3.2.0', group: 'geo',
    complexity: 'O(log(N)) for each member requested, where N is the number of elements in the sorted set.',
  },
  run: ({ db }, argv) => {
    const z = readGeoSet(db, argv[1] as string);
    return argv.slice(2).map((m) => {
      const score = z?.score(m);
      return score === undefined ? null : geohashString(score);
    });
  },
});
