import { defineCommand } from '@cinnabar/command-kit';
import { type ConsumerGroup, EventClass } from '@cinnabar/storage';
import { groupArgs } from './group-args.js';

export const xgroupDelconsumer = defineCommand({
  name: 'xgroup|delconsumer', arity: 5, flags: ['write'], acl: ['@write', '@stream', '@slow'],
  keys: { first: 2, last: 2, step: 1, flags: ['RW', 'DELETE'] },
  docs: { summary: 'Delete a consumer from a consumer group.', since: '5.0.0', group: 'stream', complexity: 'O(1)' },
  run: (c, argv) => {
    const g = groupArgs(c, argv, { needGroup: true }).group as ConsumerGroup;
    const consumer = g.consumer(argv[4] as string);
    if (consumer === undefined) return 0;
    const pending = g.deleteConsumer(consumer);
    c.db.changed(argv[2] as string, EventClass.stream, 'xgroup-delconsumer');
    return pending;
  },
});
