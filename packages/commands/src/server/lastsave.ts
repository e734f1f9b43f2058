// LASTSAVE: unix time of the last successful save.

import { defineCommand } from '@cinnabar/command-kit';

export const lastsave = defineCommand({
  name: 'lastsave', arity: 1, flags: ['loading', 'stale', 'fast'], acl: ['@admin', '@dangerous'],
  tips: ['nondeterministic_output'],
  docs: { summary: 'Get the UNIX time stamp of the last successful save to disk', since: '1.0.0', group: 'server', complexity: 'O(1)' },
  run: ({ server }) => server.persistence.lastSave(),
});
