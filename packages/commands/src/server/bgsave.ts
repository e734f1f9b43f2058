// BGSAVE [SCHEDULE]: a fork-less point-in-time snapshot written while the server keeps serving.

import { defineCommand } from '@cinnabar/command-kit';
import { SyntaxError } from '@cinnabar/common';

export const bgsave = defineCommand({
  name: 'bgsave', arity: -1, flags: ['admin', 'noscript', 'no_async_loading'],
  docs: {
    summary: 'Asynchronously save the dataset to disk', since: '1.0.0', group: 'server', complexity: 'O(1)',
    arguments: [{ name: 'schedule', type: 'pure-token', token: 'SCHEDULE', optional: true }],
  },
  run: ({ server }, argv) => {
    if (argv.length > 2 || (argv.length === 2 && (argv[1] as string).toLowerCase() !== 'schedule')) throw new SyntaxError();
    return server.persistence.bgsave(argv.length === 2);
  },
});
