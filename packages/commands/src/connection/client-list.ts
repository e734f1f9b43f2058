import { parseInt64, RedisError, SyntaxError } from '@cinnabar/common';
import { type ClientSession, defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { clientLine, clientType, clientTypeByName } from './client-line.js';

export const clientList = defineCommand({
  name: 'client|list', arity: -2, flags: ['admin', 'noscript', 'loading', 'stale', 'sentinel'], acl: ['@admin', '@slow', '@dangerous', '@connection'],
  tips: ['nondeterministic_output'],
  docs: { summary: 'Get the list of client connections', since: '2.4.0', group: 'connection', complexity: 'O(N) where N is the number of client connections' },
  run: (c, argv) => {
    let chosen: ClientSession[];
    const option = (argv[2] ?? '').toLowerCase();
    if (argv.length === 4 && option === 'type') {
      const type = clientTypeByName(argv[3] as string);
      if (type === null) throw new RedisError(`ERR Unknown client type '${argv[3]}'`);
      chosen = [...c.server.clients.all()].filter((x) => clientType(x) === type);
    } else if (argv.length > 3 && option === 'id') {
      chosen = [];
      for (const raw of argv.slice(3)) {
        const id = parseInt64(raw);
        if (id === null) throw new RedisError('ERR Invalid client ID');
        const found = typeof id === 'number' ? c.server.clients.get(id) : undefined;
        if (found) chosen.push(found);
      }
    } else if (argv.length !== 2) {
      throw new SyntaxError();
    } else {
      chosen = [...c.server.clients.all()];
    }
    const now = c.server.clock.nowMs();
    return reply.verbatim(chosen.map((x) => `${clientLine(x, now, x === c ? argv : null)}\n`).join(''));
  },
});
