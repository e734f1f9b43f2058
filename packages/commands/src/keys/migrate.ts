// MIGRATE: move (or COPY) keys to another instance as RESTORE commands over a cached
// connection, deleting each local key the target acknowledged and propagating that as DEL.
// Redis runs it synchronously, the whole server waiting on the target; here the event loop
// keeps turning, and the same guarantee comes from a full client pause for the duration:
// nothing else runs a command (and nothing expires) between serializing the keys and
// deleting the acknowledged ones. Inside MULTI/EXEC or a script, where no reply may wait,
// it is refused.

import { Buffer } from 'node:buffer';
import { type ClientSession, defineCommand, type ServerContext } from '@cinnabar/command-kit';
import { RedisError } from '@cinnabar/common';
import { createDumpPayload } from '@cinnabar/persistence';
import { encodeCommand, type Reply, reply } from '@cinnabar/resp';
import { type Database, EventClass, type Value } from '@cinnabar/storage';
import { type MigrateArgs, parseMigrateArgs } from './migrate-args.js';
import { MigrateLinks } from './migrate-links.js';

const linksByServer = new WeakMap<ServerContext, MigrateLinks>();

/** The server's MIGRATE connection cache. */
export function migrateLinks(server: ServerContext): MigrateLinks {
  let links = linksByServer.get(server);
  if (links === undefined) linksByServer.set(server, (links = new MigrateLinks()));
  return links;
}

/** migrateGetKeys: argv[3], or everything after a KEYS token from the sixth argument on. */
export function migrateKeyPositions(argv: readonly string[]): number[] {
  for (let i = 6; i < argv.length; i++) {
    if ((argv[i] as string).toLowerCase() !== 'keys') continue;
    if ((argv[3] as string).length > 0) return [];
    return Array.from({ length: argv.length - i - 1 }, (_, k) => i + 1 + k);
  }
  return [3];
}

export const migrate = defineCommand({
  name: 'migrate', arity: -6, flags: ['write', 'movablekeys'], acl: ['@keyspace', '@write', '@slow', '@dangerous'],
  keys: { first: 3, last: 3, step: 1, flags: ['RW', 'ACCESS', 'DELETE'] },
  getKeys: migrateKeyPositions,
  tips: ['nondeterministic_output'],
  docs: {
    summary: 'Atomically transfer a key from a Redis instance to another one.', since: '2.6.0', group: 'generic',
    complexity: 'This command actually executes a DUMP+DEL in the source instance, and a RESTORE in the target instance. See the pages of these commands for time complexity. Also an O(N) data transfer between the two instances is performed.',
  },
  run: (c, argv) => {
    const args = parseMigrateArgs(argv);
    if (c.inExec || c.replySink !== null) throw new RedisError('ERR MIGRATE cannot run inside MULTI/EXEC or a script');
    const present = args.keys.filter((k) => c.db.lookupRead(k) !== undefined);
    if (present.length === 0) return reply.simple('NOKEY');
    void runMigration(c, args, present);
    return undefined;
  },
});

interface Outgoing {
  key: string;
  ttlMs: number;
  value: Value;
}

/** Pause everyone, transfer, answer, resume: the asynchronous body of one MIGRATE. */
async function runMigration(c: ClientSession, args: MigrateArgs, keys: string[]): Promise<void> {
  const server = c.server;
  const db = c.db;
  server.clients.pause('migrate', Number.MAX_SAFE_INTEGER, 'all', server.clock.nowMs());
  c.link.hold?.();
  let r: Reply;
  try {
    r = await transfer(server, db, args, keys);
  } catch (e) {
    r = reply.error(e instanceof RedisError ? e.message : `ERR ${String(e)}`);
  }
  server.clients.unpause('migrate', server.clock.nowMs());
  server.blocking.onServed(c, r);
  c.reply(r);
  c.link.release?.();
}

/** The keys still present and not expired, with the TTL RESTORE should give them (Redis: at least 1 ms). */
function outgoing(db: Database, keys: string[], nowMs: number): Outgoing[] {
  const out: Outgoing[] = [];
  for (const key of keys) {
    const e = db.lookupRead(key, false, false);
    if (e === undefined) continue;
    const at = db.expireAt(e);
    let ttlMs = 0;
    if (at !== 0) {
      ttlMs = at - nowMs;
      if (ttlMs < 0) continue;
      if (ttlMs < 1) ttlMs = 1;
    }
    out.push({ key, ttlMs, value: e.value });
  }
  return out;
}

async function transfer(server: ServerContext, db: Database, args: MigrateArgs, keys: string[]): Promise<Reply> {
  const links = migrateLinks(server);
  const compress = server.config.get<boolean>('rdbcompression');
  for (let mayRetry = true; ; mayRetry = false) {
    const link = await links.get(args.host, args.port, args.timeoutMs);
    if (link === 'timeout') return reply.error('IOERR error or timeout connecting to the client');
    // Redis's blocking connect only waits for the socket to turn writable: a refused
    // connection shows up as a failed write (retried once, like any first-write failure).
    if (link === 'failed') {
      if (mayRetry) continue;
      return reply.error('IOERR error or timeout writing to target instance');
    }
    const items = outgoing(db, keys, server.clock.nowMs());
    const select = link.lastDbid !== args.dbid;
    // Keys and DUMP payloads are latin1 strings (one char per byte), as the AOF encodes them.
    let text = '';
    if (args.password !== null) text += encodeCommand(args.username !== null ? ['AUTH', args.username, args.password] : ['AUTH', args.password]);
    if (select) text += encodeCommand(['SELECT', String(args.dbid)]);
    for (const it of items) {
      const restore = ['RESTORE', it.key, String(it.ttlMs), createDumpPayload(it.value, compress)];
      if (args.replace) restore.push('REPLACE');
      text += encodeCommand(restore);
    }
    const head = (args.password !== null ? 1 : 0) + (select ? 1 : 0);
    const got = await link.exchange(Buffer.from(text, 'latin1'), head + items.length, args.timeoutMs);

    // Acknowledged keys go (unless COPY); the first error the target sent is the reply.
    const headers = got.lines.slice(0, head);
    const headerError = headers.find((l) => l.startsWith('-'));
    const acked: string[] = [];
    let targetError: string | null = null;
    for (let j = 0; j < items.length && head + j < got.lines.length; j++) {
      const line = got.lines[head + j] as string;
      if (headerError !== undefined || line.startsWith('-')) {
        targetError ??= (headerError ?? line).slice(1);
        continue;
      }
      if (!args.copy) acked.push((items[j] as Outgoing).key);
    }
    const keyLinesRead = Math.max(0, got.lines.length - head);
    if (got.failure !== null && targetError === null && keyLinesRead === 0 && mayRetry && !got.timedOut) {
      links.close(args.host, args.port);
      continue;
    }
    if (got.failure !== null) links.close(args.host, args.port);
    deleteAcked(server, db, acked);
    if (targetError !== null) {
      link.lastDbid = -1;
      return reply.error(`ERR Target instance replied with error: ${targetError}`);
    }
    if (got.failure !== null) return reply.error(`IOERR error or timeout ${got.failure === 'write' ? 'writing' : 'reading'} to target instance`);
    link.lastDbid = args.dbid;
    return reply.ok;
  }
}

/** Delete the keys the target restored, and propagate that as one DEL (Redis rewrites MIGRATE so). */
function deleteAcked(server: ServerContext, db: Database, keys: string[]): void {
  if (keys.length === 0) return;
  for (const key of keys) {
    if (db.delete(key)) db.changed(key, EventClass.generic, 'del');
  }
  server.propagation.also(db.id, ['DEL', ...keys]);
}
