import { defineCommand } from '@cinnabar/command-kit';
import { type Reply, reply } from '@cinnabar/resp';
import { decodeScore } from '@cinnabar/storage';
import { coordReply, readGeoSet } from './geo-args.js';

export const geopos = defineCommand({
  name: 'geopos', arity: -2, flags: ['readonly'], acl: ['@read', '@geo', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Returns longitude and latitude of members of a geospatial index', since: '3.2.0', group: 'geo', complexity: 'O(N) where N is the number of members requested.' },
  run: (c, argv) => {
    const z = readGeoSet(c.db, argv[1] as string);
    const out: Reply[] = [];
    for (let j = 2; j < argv.length; j++) {
      const score = z?.score(argv[j] as string);
      if (score === undefined) out.push(reply.nullArray);
      else {
        const [x, y] = decodeScore(score);
        out.push([coordReply(x), coordReply(y)]);
      }
    }
    return out;
  },
});
