// Per-connection state the dispatcher and handlers share: selected database, protocol,
// authentication, MULTI queue, WATCHed keys, subscriptions, flags. The transport behind
// it is a ClientLink, which the network package provides.

import type { Database } from '@cinnabar/storage';
import type { ProtocolVersion, Reply } from '@cinnabar/resp';
import type { CommandDef } from './define-command.js';
import type { ServerContext } from './server-context.js';

/** The transport a session writes to. Network's Connection implements it. */
export interface ClientLink {
  readonly remoteAddress: string;
  readonly localAddress: string;
  readonly fd: number;
  /** Encode and queue a reply (written at the end of the current batch). */
  write(reply: Reply, proto: ProtocolVersion): void;
  /** Close after the queued replies are written (QUIT), or at once. */
  close(afterPendingReplies: boolean): void;
  /** Bytes waiting in the query and output buffers (CLIENT LIST qbuf / omem). */
  queryBufferBytes(): number;
  outputBufferBytes(): number;
  /** Stop running this client's requests (CLIENT PAUSE postponed one); later ones stay buffered. */
  hold?(): void;
  /** Resume, running whatever arrived meanwhile. */
  release?(): void;
}

export interface QueuedCommand {
  def: CommandDef;
  argv: string[];
}

export type ReplyMode = 'on' | 'off' | 'skip' | 'skipnext';

export class ClientSession {
  db: Database;
  resp: ProtocolVersion = 2;
  authenticated: boolean;
  user = 'default';
  name = '';
  libName = '';
  libVer = '';
  readonly createdMs: number;
  lastInteractionMs: number;
  lastCommand = 'NULL';
  /** Redis's mustObeyClient: the AOF loader (later, a primary) — commands apply without client checks. */
  mustObey = false;
  /** The request being run (or, while blocked, the one that blocked). */
  argv: readonly string[] = [];

  /** MULTI state: null outside a transaction. */
  multi: QueuedCommand[] | null = null;
  /** A queued command was rejected: EXEC must abort (EXECABORT). */
  multiError = false;
  /** A WATCHed key changed: EXEC must fail. */
  dirtyCas = false;
  /** Watched (db, key) pairs, encoded "db\0key"; managed by the watch registry. */
  readonly watched = new Map<string, boolean>();

  readonly channels = new Set<string>();
  readonly patterns = new Set<string>();
  readonly shardChannels = new Set<string>();

  replyMode: ReplyMode = 'on';
  noEvict = false;
  noTouch = false;
  monitor = false;
  /** A replication link (after SYNC/PSYNC): it receives the stream, never replies. */
  replica = false;
  closing = false;
  /** A request held back by CLIENT PAUSE, run again when the pause ends; null otherwise. */
  postponed: string[] | null = null;
  /** Set while the session runs inside EXEC, so handlers can tell (e.g. blocking ops). */
  inExec = false;
  /** While set (inside EXEC), replies are collected here instead of sent. */
  replySink: Reply[] | null = null;

  constructor(
    readonly id: number,
    readonly link: ClientLink,
    readonly server: ServerContext,
  ) {
    this.db = server.keyspace.db(0);
    this.authenticated = !server.requiresAuth();
    this.createdMs = server.clock.nowMs();
    this.lastInteractionMs = this.createdMs;
  }

  get subscriptionCount(): number {
    return this.channels.size + this.patterns.size + this.shardChannels.size;
  }

  /** RESP2 clients with subscriptions may only run (un)subscribe commands, PING, QUIT and RESET. */
  get inPubSubMode(): boolean {
    return this.resp === 2 && this.subscriptionCount > 0;
  }

  /** Send a reply, honouring CLIENT REPLY OFF/SKIP. */
  reply(r: Reply): void {
    if (this.replySink !== null) this.replySink.push(r);
    else if (this.replica) this.rogueReplica();
    else if (this.replyMode === 'on') this.link.write(r, this.resp);
  }

  /** A replica link carries the stream only: a command that answers it ends it, as in Redis. */
  private rogueReplica(): void {
    if (this.closing) return;
    this.closing = true;
    this.server.log.warn(`Replica generated a reply to command '${this.lastCommand}', disconnecting it: id=${this.id} addr=${this.link.remoteAddress}`);
    this.link.close(false);
  }

  /** Send an out-of-band message (pub/sub, invalidation): never suppressed by CLIENT REPLY. */
  push(r: Reply): void {
    // Inside EXEC a push joins the transaction's replies, so its bytes land where Redis puts them.
    if (this.replySink !== null) this.replySink.push(r);
    else this.link.write(r, this.resp);
  }

  select(index: number): void {
    this.db = this.server.keyspace.db(index);
  }
}
