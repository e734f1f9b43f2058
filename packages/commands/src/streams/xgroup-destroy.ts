import { defineCommand } from '@cinnabar/command-kit';
import { EventClass, type StreamValue } from '@cinnabar/storage';
import { groupArgs } from './group-args.js';

export const xgroupDestroy = defineCommand({
  name: 'xgroup|destroy', arity: 4, flags: ['write'], acl: ['@write', '@stream', '@slow'],
  keys: { first: 2, last: 2, step: 1, flags: ['RW', 'DELETE'] },
  docs: { summary: 'Destroy a consumer group.', since: '5.0.0', group: 'stream', complexity: "O(N) where N is the number of entries in the group's pending entries list (PEL)." },
  run: (c, argv) => {
    const a = groupArgs(c, argv, {});
    if (a.group === undefined) return 0;
    (a.s as StreamValue).groups.delete(argv[3] as string);
    // changed() also marks the key ready, so readers blocked on the group get NOGROUP.
    c.db.changed(argv[2] as string, EventClass.stream, 'xgroup-destroy');
    return 1;
  },
});
