import { defineCommand } from '@cinnabar/command-kit';
import { type ConsumerGroup, EventClass } from '@cinnabar/storage';
import { groupArgs } from './group-args.js';

export const xgroupCreateconsumer = defineCommand({
  name: 'xgroup|createconsumer', arity: 5, flags: ['write', 'denyoom'], acl: ['@write', '@stream', '@slow'],
  keys: { first: 2, last: 2, step: 1, flags: ['RW', 'INSERT'] },
  docs: { summary: 'Create a consumer in a consumer group.', since: '6.2.0', group: 'stream', complexity: 'O(1)' },
  run: (c, argv) => {
    const g = groupArgs(c, argv, { needGroup: true }).group as ConsumerGroup;
    const name = argv[4] as string;
    if (g.consumer(name) !== undefined) return 0;
    g.createConsumer(name, c.server.clock.nowMs());
    c.server.keyspace.stats.dirty++;
    c.db.notify(argv[2] as string, EventClass.stream, 'xgroup-createconsumer');
    return 1;
  },
});
