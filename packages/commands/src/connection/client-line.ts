// One client's line of CLIENT LIST / CLIENT INFO, field for field as Redis 7.0 writes it.
// Memory figures follow Redis's accounting (16 KiB reply buffer, 20 KiB query buffer)
// since a JS engine has no per-client allocator to ask.

import type { ClientSession } from '@cinnabar/command-kit';

const REPLY_CHUNK = 16 * 1024;
const QUERY_BUF_ALLOC = 20480;
const QUERY_BUF_HEADER = 6;
const CLIENT_STRUCT_BYTES = 768;
const POINTER = 8;

export type ClientType = 'normal' | 'slave' | 'pubsub' | 'master';

/** CLIENT LIST TYPE / CLIENT KILL TYPE names; null for an unknown one. */
export function clientTypeByName(name: string): ClientType | null {
  switch (name.toLowerCase()) {
    case 'normal': return 'normal';
    case 'slave': case 'replica': return 'slave';
    case 'pubsub': return 'pubsub';
    case 'master': return 'master';
    default: return null;
  }
}

/** A MONITOR client counts as normal, as in Redis. */
export function clientType(c: ClientSession): ClientType {
  return c.subscriptionCount > 0 ? 'pubsub' : 'normal';
}

function argvBytes(argv: readonly string[]): number {
  let n = 0;
  for (const a of argv) n += a.length;
  return n;
}

function flagsOf(c: ClientSession): string {
  let f = '';
  if (c.monitor) f += 'O';
  if (c.subscriptionCount > 0) f += 'P';
  if (c.multi !== null) f += 'x';
  if (c.postponed !== null || c.server.blocking.isBlocked(c)) f += 'b';
  if (c.dirtyCas) f += 'd';
  if (c.closing) f += 'c';
  if (c.noEvict) f += 'e';
  if (c.noTouch) f += 'T';
  return f === '' ? 'N' : f;
}

/**
 * The line for `c`, seen at `nowMs`; `running` is the argv of the command being executed
 * when `c` is the client asking (Redis counts it in argv-mem).
 */
export function clientLine(c: ClientSession, nowMs: number, running: readonly string[] | null): string {
  const argv = running ?? c.postponed;
  const argvMem = argv === null ? 0 : argvBytes(argv);
  const argc = argv === null ? 0 : argv.length;
  let multiMem = 0;
  for (const q of c.multi ?? []) multiMem += argvBytes(q.argv) + POINTER * q.argv.length;
  const qbuf = c.link.queryBufferBytes();
  const qbufFree = Math.max(0, QUERY_BUF_ALLOC - QUERY_BUF_HEADER - qbuf);
  const out = c.link.outputBufferBytes();
  const obl = Math.min(out, REPLY_CHUNK);
  const oll = Math.ceil((out - obl) / REPLY_CHUNK);
  const omem = oll * REPLY_CHUNK;
  const totMem = CLIENT_STRUCT_BYTES + REPLY_CHUNK + qbuf + qbufFree + QUERY_BUF_HEADER + argvMem + POINTER * argc + multiMem + omem;
  const nowSec = Math.floor(nowMs / 1000);
  return `id=${c.id} addr=${c.link.remoteAddress} laddr=${c.link.localAddress} fd=${c.link.fd} name=${c.name}` +
    ` age=${nowSec - Math.floor(c.createdMs / 1000)} idle=${nowSec - Math.floor(c.lastInteractionMs / 1000)}` +
    ` flags=${flagsOf(c)} db=${c.db.id} sub=${c.channels.size} psub=${c.patterns.size} ssub=${c.shardChannels.size}` +
    ` multi=${c.multi === null ? -1 : c.multi.length} qbuf=${qbuf} qbuf-free=${qbufFree} argv-mem=${argvMem}` +
    ` multi-mem=${multiMem} rbs=${REPLY_CHUNK} rbp=${REPLY_CHUNK} obl=${obl} oll=${oll} omem=${omem} tot-mem=${totMem}` +
    ` events=r cmd=${c.lastCommand} user=${c.user} redir=-1 resp=${c.resp}`;
}
