import { defineCommand } from '@cinnabar/command-kit';
import { idArg, readStream } from './stream-ops.js';

export const xack = defineCommand({
  name: 'xack', arity: -4, flags: ['write', 'fast'], acl: ['@write', '@stream', '@fast'],
  keys: { first: 1, last: 1, step: 1, flags: ['RW', 'UPDATE'] },
  docs: { summary: 'Marks a pending message as correctly processed, effectively removing it from the pending entries list of the consumer group. Return value of the command is the number of messages successfully acknowledged, that is, the IDs we were actually able to resolve in the PEL.', since: '5.0.0', group: 'stream', complexity: 'O(1) for each message ID processed.' },
  run: (c, argv) => {
    const g = readStream(c.db, argv[1] as string)?.groups.get(argv[2] as string);
    if (g === undefined) return 0;
    const ids = argv.slice(3).map((a) => idArg(a, 0n, true));
    let acked = 0;
    for (const id of ids) {
      const nack = g.pel.get(id);
      if (nack === undefined) continue;
      g.pel.delete(id);
      nack.consumer.pel.delete(id);
      acked++;
    }
    c.server.keyspace.stats.dirty += acked;
    return acked;
  },
});
