import { SyntaxError } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { authenticate, redact, WRONGPASS } from './authenticate.js';

export const auth = defineCommand({
  name: 'auth', arity: -2, flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'sentinel', 'allow_busy'], acl: ['@fast', '@connection'],
  docs: { summary: 'Authenticate to the server', since: '1.0.0', group: 'connection', complexity: 'O(N) where N is the number of passwords defined for the user' },
  run: (c, argv) => {
    if (argv.length > 3) throw new SyntaxError();
    const [user, password] = argv.length === 2 ? ['default', argv[1] as string] : [argv[1] as string, argv[2] as string];
    redact(argv, 1);
    redact(argv, 2);
    if (argv.length === 2 && c.server.config.get<string>('requirepass') === '') {
      return reply.error('ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?');
    }
    return authenticate(c, user, password) ? reply.ok : reply.error(WRONGPASS);
  },
});
