import { parseInt64, RedisError, SyntaxError } from '@cinnabar/common';
import { type ClientSession, defineCommand } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';
import { type ClientType, clientType, clientTypeByName } from './client-line.js';

interface KillFilter {
  addr?: string;
  laddr?: string;
  type?: ClientType;
  id?: number;
  user?: string;
  skipMe: boolean;
}

/** The new form: option/value pairs. */
function parseFilter(argv: readonly string[]): KillFilter {
  const f: KillFilter = { skipMe: true };
  for (let i = 2; i < argv.length; i += 2) {
    const opt = (argv[i] as string).toLowerCase();
    const value = argv[i + 1];
    if (value === undefined) throw new SyntaxError();
    if (opt === 'id') {
      const id = parseInt64(value);
      if (id === null || typeof id === 'bigint' || id < 1) throw new RedisError('ERR client-id should be greater than 0');
      f.id = id;
    } else if (opt === 'type') {
      const type = clientTypeByName(value);
      if (type === null) throw new RedisError(`ERR Unknown client type '${value}'`);
      f.type = type;
    } else if (opt === 'addr') f.addr = value;
    else if (opt === 'laddr') f.laddr = value;
    else if (opt === 'user') {
      if (value !== 'default') throw new RedisError(`ERR No such user '${value}'`);
      f.user = value;
    } else if (opt === 'skipme') {
      const yn = value.toLowerCase();
      if (yn !== 'yes' && yn !== 'no') throw new SyntaxError();
      f.skipMe = yn === 'yes';
    } else throw new SyntaxError();
  }
  return f;
}

function matches(x: ClientSession, f: KillFilter): boolean {
  return (f.addr === undefined || x.link.remoteAddress === f.addr) &&
    (f.laddr === undefined || x.link.localAddress === f.laddr) &&
    (f.type === undefined || clientType(x) === f.type) &&
    (f.id === undefined || x.id === f.id) &&
    (f.user === undefined || x.user === f.user);
}

export const clientKill = defineCommand({
  name: 'client|kill', arity: -3, flags: ['admin', 'noscript', 'loading', 'stale', 'sentinel'], acl: ['@admin', '@slow', '@dangerous', '@connection'],
  docs: { summary: 'Kill the connection of a client', since: '2.4.0', group: 'connection', complexity: 'O(N) where N is the number of client connections' },
  run: (c, argv) => {
    // CLIENT KILL addr (old form, may kill the caller) or CLIENT KILL <filter> <value> ...
    const oldForm = argv.length === 3;
    const filter: KillFilter = oldForm ? { addr: argv[2] as string, skipMe: false } : parseFilter(argv);
    const clients = c.server.clients;
    let killed = 0;
    let killSelf = false;
    for (const x of [...clients.all()]) {
      if (!matches(x, filter) || (x === c && filter.skipMe)) continue;
      if (x === c) killSelf = true;
      else clients.kill(x);
      killed++;
    }
    if (oldForm && killed === 0) return reply.error('ERR No such client');
    c.reply(oldForm ? reply.ok : killed);
    if (killSelf) {
      c.closing = true;
      c.link.close(true);
    }
    return undefined;
  },
});
