import { RedisError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { ConsumerGroup, EventClass, StreamValue } from '@cinnabar/storage';
import { subcommandSyntaxError } from '@cinnabar/command-kit';
import { groupArgs } from './group-args.js';
import { idArg } from './stream-ops.js';

export const xgroupCreate = defineCommand({
  name: 'xgroup|create', arity: -5, flags: ['write', 'denyoom'], acl: ['@write', '@stream', '@slow'],
  keys: { first: 2, last: 2, step: 1, flags: ['RW', 'INSERT'] },
  docs: { summary: 'Create a consumer group.', since: '5.0.0', group: 'stream', complexity: 'O(1)' },
  run: (c, argv) => {
    const a = groupArgs(c, argv, { create: true });
    if (argv.length > 8) throw new RedisError(subcommandSyntaxError(argv));
    const key = argv[2] as string;
    const name = argv[3] as string;
    const id = argv[4] === '$' ? a.s?.lastId ?? 0n : idArg(argv[4] as string, 0n, true);
    let s = a.s;
    if (s === undefined) {
      s = new StreamValue();
      c.db.add(key, s);
      c.db.signal(key);
    }
    if (s.groups.has(name)) throw new RedisError('BUSYGROUP Consumer Group name already exists');
    s.groups.set(name, new ConsumerGroup(id, a.entriesRead));
    c.db.changed(key, EventClass.stream, 'xgroup-create');
    return reply.ok;
  },
});
