// SYNC and PSYNC: a replica asks for the dataset and the stream of writes after it. Every
// request is answered with a full resynchronisation (PSYNC: +FULLRESYNC <replid> <offset>).

import { defineCommand } from '@cinnabar/command-kit';
import { attachReplica } from './replica-feed.js';

const flags = ['admin', 'noscript', 'no_async_loading', 'no_multi'] as const;

export const sync = defineCommand({
  name: 'sync', arity: 1, flags: [...flags],
  docs: { summary: 'Internal command used for replication', since: '1.0.0', group: 'server' },
  run: (c) => attachReplica(c, ''),
});

export const psync = defineCommand({
  name: 'psync', arity: -3, flags: [...flags],
  docs: {
    summary: 'Internal command used for replication', since: '2.8.0', group: 'server',
    arguments: [{ name: 'replicationid', type: 'string' }, { name: 'offset', type: 'integer' }],
  },
  run: (c) => {
    const r = c.server.replication;
    return attachReplica(c, `+FULLRESYNC ${r.replid} ${r.offset}\r\n`);
  },
});
