import { SyntaxError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { decodeScore, geoDistance } from '@cinnabar/storage';
import { distanceReply, readGeoSet, unitArg } from './geo-args.js';

export const geodist = defineCommand({
  name: 'geodist', arity: -4, flags: ['readonly'], acl: ['@read', '@geo', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Returns the distance between two members of a geospatial index', since: '3.2.0', group: 'geo', complexity: 'O(log(N))' },
  run: ({ db }, argv) => {
    let toMeters = 1;
    if (argv.length === 5) toMeters = unitArg(argv[4] as string);
    else if (argv.length > 5) throw new SyntaxError();
    const z = readGeoSet(db, argv[1] as string);
    const s1 = z?.score(argv[2] as string);
    const s2 = z?.score(argv[3] as string);
    if (s1 === undefined || s2 === undefined) return null;
    const [x1, y1] = decodeScore(s1);
    const [x2, y2] = decodeScore(s2);
    return distanceReply(geoDistance(x1, y1, x2, y2) / toMeters);
  },
});
