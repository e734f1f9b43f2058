import { defineCommand } from '@cinnabar/command-kit';

export const time = defineCommand({
  name: 'time', arity: 1, flags: ['loading', 'stale', 'fast'], acl: ['@fast'], tips: ['nondeterministic_output'],
  docs: { summary: 'Return the current server time', since: '2.6.0', group: 'server', complexity: 'O(1)' },
  run: ({ server }) => {
    const us = server.clock.nowUs();
    return [String(Math.floor(us / 1e6)), String(us % 1e6)];
  },
});
