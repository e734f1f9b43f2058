import { defineCommand } from '@cinnabar/command-kit';
import { EventClass } from '@cinnabar/storage';
import { nodeLimits, writeStream } from './stream-ops.js';
import { propagateAs } from '../propagate.js';
import { exactTrimArgv, parseAddOrTrim } from './trim-args.js';

export const xtrim = defineCommand({
  name: 'xtrim', arity: -4, flags: ['write'], acl: ['@write', '@stream', '@slow'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'DELETE'] },
  tips: ['nondeterministic_output'],
  docs: { summary: 'Trims the stream to (approximately if \'~\' is passed) a certain size', since: '5.0.0', group: 'stream', complexity: 'O(N), with N being the number of evicted entries. Constant times are very small however, since entries are organized in macro nodes containing multiple entries that can be released with a single deallocation.' },
  run: (c, argv) => {
    const a = parseAddOrTrim(argv, false, nodeLimits(c).streamNodeMaxEntries, c.mustObey);
    const key = argv[1] as string;
    const s = writeStream(c.db, key);
    if (s === undefined || a.trim === null) return 0;
    const deleted = s.trim(a.trim);
    if (deleted > 0) c.db.changed(key, EventClass.stream, 'xtrim', deleted);
    if (a.trim.approx) propagateAs(c, exactTrimArgv(argv, a, s));
    return deleted;
  },
});
