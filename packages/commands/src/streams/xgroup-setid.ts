import { RedisError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { type ConsumerGroup, EventClass, type StreamValue } from '@cinnabar/storage';
import { subcommandSyntaxError } from '@cinnabar/command-kit';
import { groupArgs } from './group-args.js';
import { idArg } from './stream-ops.js';

export const xgroupSetid = defineCommand({
  name: 'xgroup|setid', arity: -5, flags: ['write'], acl: ['@write', '@stream', '@slow'],
  keys: { first: 2, last: 2, step: 1, flags: ['RW', 'UPDATE'] },
  docs: { summary: 'Set a consumer group to an arbitrary last delivered ID value.', since: '5.0.0', group: 'stream', complexity: 'O(1)' },
  run: (c, argv) => {
    const a = groupArgs(c, argv, { setid: true, needGroup: true });
    if (argv.length !== 5 && argv.length !== 7) throw new RedisError(subcommandSyntaxError(argv));
    const s = a.s as StreamValue;
    const g = a.group as ConsumerGroup;
    g.lastId = argv[4] === '$' ? s.lastId : idArg(argv[4] as string, 0n);
    g.entriesRead = a.entriesRead;
    c.db.changed(argv[2] as string, EventClass.stream, 'xgroup-setid');
    return reply.ok;
  },
});
