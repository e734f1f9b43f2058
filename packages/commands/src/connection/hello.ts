import { parseInt64, REDIS_VERSION } from '@cinnabar/common';
import { defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { authenticate, redact, WRONGPASS } from './authenticate.js';
import { setClientName } from './client-setname.js';


export const hello = defineCommand({
  name: 'hello', arity: -1, flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'sentinel', 'allow_busy'], acl: ['@fast', '@connection'],
  docs: { summary: 'Handshake with Redis', since: '6.0.0', group: 'connection', complexity: 'O(1)' },
  run: (c, argv) => {
    let version: 0 | 2 | 3 = 0;
    if (argv.length >= 2) {
      const v = parseInt64(argv[1] as string);
      if (v === null) return reply.error('ERR Protocol version is not an integer or out of range');
      if (v !== 2 && v !== 3) return reply.error('NOPROTO unsupported protocol version');
      version = v === 2 ? 2 : 3;
    }
    for (let j = 2; j < argv.length; j++) {
      const opt = argv[j] as string;
      const more = argv.length - 1 - j;
      if (opt.toUpperCase() === 'AUTH' && more >= 2) {
        const user = argv[j + 1] as string;
        const password = argv[j + 2] as string;
        redact(argv, j + 1);
        redact(argv, j + 2);
        if (!authenticate(c, user, password)) return reply.error(WRONGPASS);
        j += 2;
      } else if (opt.toUpperCase() === 'SETNAME' && more >= 1) {
        setClientName(c, argv[j + 1] as string);
        j++;
      } else {
        return reply.error(`ERR Syntax error in HELLO option '${opt}'`.replace(/[\r\n]/g, ' '));
      }
    }
    if (!c.authenticated) {
      return reply.error('NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> ' +
        'option can be used to authenticate the client and select the RESP protocol version at the same time');
    }
    if (version !== 0) c.resp = version;
    return reply.map([
      'server', 'redis', 'version', REDIS_VERSION, 'proto', c.resp, 'id', c.id,
      'mode', 'standalone', 'role', c.server.keyspace.isReplica() ? 'replica' : 'master', 'modules', [],
    ]);
  },
});
