// DEBUG: the subcommands tests and tools rely on. Protected: enable-debug-command decides
// who may run it (the dispatcher checks).

import { Buffer } from 'node:buffer';
import { type ClientSession, defineCommand, intArg, positiveIntArg, type ReloadOptions } from '@cinnabar/command-kit';
import { crc16, NoSuchKeyError, parseMemory, RedisError } from '@cinnabar/common';
import { dumpPayloadChecks } from '@cinnabar/persistence';
import { type Reply, reply } from '@cinnabar/resp';
import { type Database, type Entry, stringEncoding } from '@cinnabar/storage';
import { datasetDigest, Digest, digestValue } from './digest.js';
import { DEBUG_HELP } from './debug-help.js';
import { helpReply, subcommandSyntaxError } from '@cinnabar/command-kit';

/** Block the whole event loop, as Redis's nanosleep blocks the server. */
function sleepMs(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** RDB length of a string value: integer encodings, else a length prefix and the bytes (uncompressed). */
function serializedLength(e: Entry): number {
  const v = e.value;
  if (typeof v !== 'string') return 0;
  if (stringEncoding(v, false) === 'int' || (v.length <= 11 && /^-?[1-9]\d*$|^0$/.test(v))) {
    const n = Number(v);
    if (n >= -128 && n <= 127) return 2;
    if (n >= -32768 && n <= 32767) return 3;
    if (n >= -2147483648 && n <= 2147483647) return 5;
  }
  const len = v.length;
  return (len < 64 ? 1 : len < 16384 ? 2 : 5) + len;
}

function objectInfo(e: Entry, idleSec: number): string {
  const v = e.value;
  const enc = typeof v === 'string' ? stringEncoding(v, false) : v.encoding();
  const shared = enc === 'int' && Number(v) >= 0 && Number(v) < 10000;
  const addr = (0x7f0000000000 + crc16(e.key) * 4096).toString(16);
  return `Value at:0x${addr} refcount:${shared ? 2147483647 : 1} encoding:${enc} serializedlength:${serializedLength(e)} ` +
    `lru:${e.lru} lru_seconds_idle:${idleSec}`;
}

/** DEBUG RELOAD's options: MERGE, NOFLUSH, NOSAVE in any order. */
function reloadOptions(args: readonly string[]): ReloadOptions {
  const o: ReloadOptions = { merge: false, noflush: false, nosave: false };
  for (const a of args) {
    const t = a.toLowerCase();
    if (t === 'merge') o.merge = true;
    else if (t === 'noflush') o.noflush = true;
    else if (t === 'nosave') o.nosave = true;
    else throw new RedisError('ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.');
  }
  return o;
}

/** DEBUG POPULATE count [prefix] [size]: keys prefix:N with values "value:N" (cut or NUL-padded to size). */
function populate(db: Database, argv: readonly string[], touched: (key: string) => void): Reply {
  const count = positiveIntArg(argv[2] as string);
  const prefix = argv.length >= 4 ? (argv[3] as string) : 'key';
  const size = argv.length === 5 ? positiveIntArg(argv[4] as string) : 0;
  // Values are built in a scratch buffer and sliced out, so each is one flat string (a
  // concatenation would leave a rope costing twice the bytes per key).
  const scratch = Buffer.alloc(Math.max(size, 32)) as Buffer & { latin1Slice(s: number, e: number): string };
  for (let j = 0; j < count; j++) {
    const key = `${prefix}:${j}`;
    if (db.has(key)) continue;
    let value = `value:${j}`;
    if (size !== 0) {
      scratch.fill(0, 0, size);
      scratch.write(value, 0, Math.min(value.length, size), 'latin1');
      value = scratch.latin1Slice(0, size);
    }
    db.add(key, value);
    touched(key);
  }
  return reply.ok;
}

/** DEBUG PROTOCOL <type>: one sample of each reply type, as Redis sends them for client tests. */
function protocolSample(c: ClientSession, type: string): Reply | undefined {
  switch (type) {
    case 'string': return 'Hello World';
    case 'integer': return 12345;
    case 'double': return reply.double(3.141);
    case 'bignum': return reply.bigNumber('1234567999999999999999999999999999999');
    case 'null': return null;
    case 'array': return [0, 1, 2];
    case 'set': return reply.set([0, 1, 2]);
    case 'map': return reply.map([0, reply.bool(false), 1, reply.bool(true), 2, reply.bool(false)]);
    case 'attrib': return reply.attribute(['key-popularity', ['key:123', 90]], 'Some real reply following the attribute');
    case 'push':
      if (c.resp < 3) return reply.error('ERR RESP2 is not supported by this command');
      c.push(reply.push(['server-cpu-usage', 42]));
      return 'Some real reply following the push reply';
    case 'true': return reply.bool(true);
    case 'false': return reply.bool(false);
    case 'verbatim': return reply.verbatim('This is a verbatim\nstring');
    default:
      return reply.error('ERR Wrong protocol type name. Please use one of the following: string|integer|double|bignum|null|array|set|map|attrib|push|verbatim|true|false');
  }
}

export const debug = defineCommand({
  name: 'debug', arity: -2, flags: ['admin', 'noscript', 'loading', 'stale', 'protected'],
  docs: { summary: 'A container for debugging commands', since: '1.0.0', group: 'server', complexity: 'Depends on subcommand.' },
  run: (c, argv) => {
    const { db, server } = c;
    const sub = (argv[1] as string).toLowerCase();
    const n = argv.length;
    if (sub === 'help' && n === 2) return helpReply('debug', DEBUG_HELP);
    if (sub === 'sleep' && n === 3) {
      sleepMs(Math.max(0, (parseFloat(argv[2] as string) || 0) * 1000));
      server.clock.refresh();
      return reply.ok;
    }
    if (sub === 'set-active-expire' && n === 3) {
      server.keyspace.activeExpireEnabled = (parseInt(argv[2] as string, 10) || 0) !== 0;
      return reply.ok;
    }
    if (sub === 'quicklist-packed-threshold' && n === 3) {
      const size = parseMemory(argv[2] as string);
      if (size === null || size < 0 || size > 2 ** 32 - 2 ** 20) throw new RedisError('ERR argument must be a memory value bigger than 1 and smaller than 4gb');
      return reply.ok;
    }
    if (sub === 'object' && n === 3) {
      const e = db.peek(argv[2] as string);
      if (e === undefined) throw new NoSuchKeyError();
      return reply.simple(objectInfo(e, server.keyspace.idleSeconds(e.lru)));
    }
    if (sub === 'populate' && n >= 3 && n <= 5) {
      return populate(db, argv, (key) => server.keyspace.observer.keyModified(db.id, key));
    }
    if (sub === 'reload') return server.persistence.debugReload(reloadOptions(argv.slice(2)));
    if (sub === 'loadaof' && n === 2) return server.persistence.debugLoadAof();
    if (sub === 'set-skip-checksum-validation' && n === 3) {
      dumpPayloadChecks.skipChecksumValidation = intArg(argv[2] as string) !== 0;
      return reply.ok;
    }
    if (sub === 'set-disable-deny-scripts' && n === 3) {
      server.scriptDenyDisabled = intArg(argv[2] as string) !== 0;
      return reply.ok;
    }
    if (sub === 'aof-flush-sleep' && n === 3) {
      server.persistence.setAofFlushSleep(Math.max(0, intArg(argv[2] as string)));
      return reply.ok;
    }
    if (sub === 'digest' && n === 2) return reply.simple(datasetDigest(server.keyspace.dbs));
    if (sub === 'digest-value') {
      return argv.slice(2).map((key) => {
        const d = new Digest();
        const e = db.peek(key);
        if (e !== undefined) digestValue(d, e.value, db.expireAt(e) !== 0);
        return reply.simple(d.hex());
      });
    }
    if (sub === 'change-repl-id' && n === 2) {
      server.log.warn('Changing replication IDs after receiving DEBUG change-repl-id');
      server.changeReplicationId();
      return reply.ok;
    }
    if (sub === 'config-rewrite-force-all' && n === 2) {
      server.rewriteConfig(true);
      return reply.ok;
    }
    if (sub === 'protocol' && n === 3) return protocolSample(c, (argv[2] as string).toLowerCase());
    if (sub === 'log' && n === 3) {
      server.log.warn(`DEBUG LOG: ${argv[2]}`);
      return reply.ok;
    }
    if (sub === 'error' && n === 3) {
      const text = argv[2] as string;
      return reply.error(text.startsWith('-') ? text.slice(1) : `ERR ${text}`);
    }
    throw new RedisError(subcommandSyntaxError(argv));
  },
});
