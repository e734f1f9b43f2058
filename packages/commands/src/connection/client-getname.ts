import { defineCommand } from '@cinnabar/command-kit';

export const clientGetname = defineCommand({
  name: 'client|getname', arity: 2, flags: ['noscript', 'loading', 'stale', 'sentinel'], acl: ['@slow', '@connection'],
  docs: { summary: 'Get the current connection name', since: '2.6.9', group: 'connection', complexity: 'O(1)' },
  run: (c) => (c.name === '' ? null : c.name),
});
