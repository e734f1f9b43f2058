import { defineCommand } from '@cinnabar/command-kit';

export const echo = defineCommand({
  name: 'echo', arity: 2, flags: ['loading', 'stale', 'fast'], acl: ['@fast', '@connection'],
  docs: { summary: 'Echo the given string', since: '1.0.0', group: 'connection', complexity: 'O(1)' },
  run: (_c, argv) => argv[1] as string,
});
