import { defineCommand } from '@cinnabar/command-kit';
import { EventClass } from '@cinnabar/storage';
import { idArg, writeStream } from './stream-ops.js';

export const xdel = defineCommand({
  name: 'xdel', arity: -3, flags: ['write', 'fast'], acl: ['@write', '@stream', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'DELETE'] },
  docs: { summary: 'Removes the specified entries from the stream. Returns the number of items actually deleted, that may be different from the number of IDs passed in case certain IDs do not exist.', since: '5.0.0', group: 'stream', complexity: 'O(1) for each single item to delete in the stream, regardless of the stream size.' },
  run: (c, argv) => {
    const key = argv[1] as string;
    const s = writeStream(c.db, key);
    if (s === undefined) return 0;
    const ids = argv.slice(2).map((a) => idArg(a, 0n, true));
    let deleted = 0;
    for (const id of ids) if (s.delete(id)) deleted++;
    if (deleted > 0) c.db.changed(key, EventClass.stream, 'xdel', deleted);
    return deleted;
  },
});
