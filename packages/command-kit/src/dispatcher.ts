// The dispatcher: everything common to all commands happens here and nowhere else —
// lookup, arity, protection, authentication, pub/sub context, MULTI queueing, execution,
// error mapping, stats, slowlog and MONITOR. Handlers only do their own work.

import { performance } from 'node:perf_hooks';
import { RedisError } from '@cinnabar/common';
import { ErrorReply, isErrorReply, type Reply, reply } from '@cinnabar/resp';
import { clip } from './args.js';
import { performEvictions } from './eviction.js';
import { type CommandDef, Flag } from './define-command.js';
import type { ServerContext } from './server-context.js';
import type { ClientSession } from './session.js';

const SETTLED = Promise.resolve();

/** Commands that run at once inside MULTI instead of being queued. */
const TX_CONTROL = new Set(['exec', 'discard', 'multi', 'watch', 'quit', 'reset']);
/** Commands a RESP2 client in subscribed mode may still run. */
const PUBSUB_ALLOWED = new Set(['ping', 'subscribe', 'ssubscribe', 'unsubscribe', 'sunsubscribe', 'psubscribe', 'punsubscribe', 'quit', 'reset']);

/** An error reply from anything a handler threw; unexpected errors are logged, never fatal. */
export function errorReplyOf(e: unknown, log?: { error(msg: string): void }): ErrorReply {
  if (e instanceof RedisError) return reply.error(e.message.replace(/[\r\n]/g, ' '));
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  log?.error(`internal error while running a command: ${detail}`);
  return reply.error(`ERR internal error: ${(e instanceof Error ? e.message : String(e)).replace(/[\r\n]/g, ' ')}`);
}

export class Dispatcher {
  /**
   * End time of the previous command of this synchronous run (performance.now() ms), or -1.
   * A command's start is the previous one's end, so each command costs one timer read
   * (~60 ns) instead of two; a microtask resets the mark when the run ends.
   */
  private mark = -1;
  private readonly clearMark = (): void => {
    this.mark = -1;
  };

  /**
   * Set while a script runs past busy-reply-threshold (the scripting package sets it): every
   * command without the allow_busy flag is refused with this error, and blocked clients wait.
   */
  busyError: string | null = null;

  constructor(private readonly server: ServerContext) {}

  private startMark(): number {
    if (this.mark < 0) {
      this.mark = performance.now();
      // A reaction on a settled promise, not queueMicrotask: Node wraps each of those in an
      // AsyncResource and a bound function (~115 ns against ~35 per read).
      SETTLED.then(this.clearMark);
    }
    return this.mark;
  }

  /** Run one request from a client: argv[0] is the command name. */
  execute(c: ClientSession, argv: string[]): void {
    const server = this.server;
    c.lastInteractionMs = server.clock.nowMs();
    if (c.replyMode === 'skip') c.replyMode = 'on';
    else if (c.replyMode === 'skipnext') c.replyMode = 'skip';
    const def = server.commands.resolve(argv);
    if (def === undefined) {
      c.lastCommand = 'NULL';
      this.reject(c, null, this.unknownCommand(argv));
      return;
    }
    c.lastCommand = def.name;
    if ((def.arity > 0 && def.arity !== argv.length) || argv.length < -def.arity) {
      this.reject(c, def, `ERR wrong number of arguments for '${def.name}' command`);
      return;
    }
    const flags = def.flagBits;
    if ((flags & Flag.protected) !== 0 && !this.protectedAllowed(c, def)) {
      this.reject(c, def,
        'ERR DEBUG command not allowed. If the enable-debug-command option is set to "local", you can run it ' +
        'from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.');
      return;
    }
    if (!c.authenticated && (flags & Flag.no_auth) === 0) {
      this.reject(c, def, 'NOAUTH Authentication required.');
      return;
    }
    if ((flags & Flag.loading) === 0 && server.persistence.loading) {
      this.reject(c, def, 'LOADING Redis is loading the dataset in memory');
      return;
    }
    if (this.busyError !== null && (flags & Flag.allow_busy) === 0) {
      this.reject(c, def, this.busyError);
      return;
    }
    if ((flags & Flag.write) !== 0 || def.name === 'ping') {
      const misconf = server.persistence.writeError();
      if (misconf !== null) {
        this.reject(c, def, misconf);
        return;
      }
    }
    if (c.multi !== null && (flags & Flag.no_multi) !== 0) {
      this.reject(c, def, 'ERR Command not allowed inside a transaction');
      return;
    }
    if (c.inPubSubMode && !PUBSUB_ALLOWED.has(def.name)) {
      this.reject(c, def,
        `ERR Can't execute '${def.name}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`);
      return;
    }
    if (server.maxmemoryBytes > 0 && performEvictions(server) && this.rejectOnOom(c, def)) {
      this.reject(c, def, "OOM command not allowed when used memory > 'maxmemory'.");
      return;
    }
    // CLIENT PAUSE: the request waits, unread input behind it, until the pause ends.
    if (server.clients.pauseType !== 'off' && server.clients.mustPostpone(c, def, server.clock.nowMs())) {
      server.clients.postpone(c, argv);
      return;
    }
    if (c.multi !== null && !TX_CONTROL.has(def.name)) {
      c.multi.push({ def, argv });
      c.reply(reply.queued);
      return;
    }
    this.call(c, def, argv);
  }

  /** Execute a resolved, checked command and account for it. */
  call(c: ClientSession, def: CommandDef, argv: string[]): void {
    const server = this.server;
    const keyspace = server.keyspace;
    keyspace.touchEnabled = !c.noTouch;
    c.argv = argv;
    const start = this.startMark();
    const propagation = server.propagation;
    const dirtyBefore = keyspace.stats.dirty;
    const flags = def.flagBits;
    propagation.enter((flags & Flag.touches_arbitrary_keys) !== 0);
    let r: Reply | undefined;
    try {
      r = def.run(c, argv);
    } catch (e) {
      r = errorReplyOf(e, server.log);
    }
    propagation.leave(c.db.id, argv, keyspace.stats.dirty !== dirtyBefore);
    keyspace.touchEnabled = true;
    const end = performance.now();
    this.mark = end;
    const usec = Math.round((end - start) * 1000);
    const stats = server.stats;
    const stat = stats.commandOf(def.id, def.name);
    stat.calls++;
    stat.usec += usec;
    stats.totalCommands++;
    if (r !== undefined) {
      if (r !== null && typeof r === 'object' && isErrorReply(r)) {
        stat.failedCalls++;
        stats.error(errorCode(r.text));
      }
      c.reply(r);
    }
    if (server.latencyTracking) stats.recordLatencyOf(def.id, def.name, usec);
    if (server.latencyThresholdMs > 0 && usec >= server.latencyThresholdMs * 1000) {
      server.latency.addIfNeeded((flags & Flag.fast) !== 0 ? 'fast-command' : 'command', Math.floor(usec / 1000),
        server.latencyThresholdMs, Math.floor(server.clock.nowMs() / 1000));
    }
    if (usec >= server.slowlogThresholdUs && server.slowlogThresholdUs >= 0 && (flags & Flag.skip_slowlog) === 0) {
      server.slowlog.record(argv, usec, Math.floor(server.clock.nowMs() / 1000), c.link.remoteAddress, c.name,
        server.config.get<number>('slowlog-max-len'));
    }
    if (server.monitorCount > 0 && (flags & (Flag.skip_monitor | Flag.admin)) === 0) {
      server.feedMonitors(c, argv);
    }
    // Clients blocked on keys this command changed are served after it, as Redis does
    // (inside EXEC, after the whole transaction).
    if (!c.inExec && this.busyError === null) server.blocking.serveReady();
  }

  /**
   * EXEC: run the queued commands and answer with their replies as one array, unless the
   * transaction was poisoned by a queue-time error or a WATCHed key changed.
   */
  exec(c: ClientSession): Reply | undefined {
    const queue = c.multi;
    if (queue === null) return reply.error('ERR EXEC without MULTI');
    const aborted = c.multiError;
    const dirty = c.dirtyCas || this.server.watch.expiredSinceWatch(c);
    c.multi = null;
    c.multiError = false;
    this.server.watch.unwatchAll(c);
    if (aborted) return reply.error('EXECABORT Transaction discarded because of previous errors.');
    if (dirty) return reply.nullArray;
    // EXEC itself is not propagated: its commands are, wrapped in MULTI/EXEC when more than one.
    this.server.propagation.prevent();
    const replies: Reply[] = [];
    const sink = c.replySink;
    c.replySink = replies;
    c.inExec = true;
    try {
      for (const q of queue) this.call(c, q.def, q.argv);
    } finally {
      c.inExec = false;
      c.replySink = sink;
    }
    if (replies.length <= queue.length) return replies;
    // A command that answered more than once (SUBSCRIBE a b): Redis's header still counts
    // commands and the surplus follows the array, so send exactly those bytes.
    c.reply(replies.slice(0, queue.length));
    for (let i = queue.length; i < replies.length; i++) c.reply(replies[i] as Reply);
    return undefined;
  }

  /**
   * Over maxmemory with nothing (more) to evict, commands that may grow memory are refused,
   * and inside MULTI so is queueing anything but EXEC, DISCARD, QUIT and RESET.
   */
  private rejectOnOom(c: ClientSession, def: CommandDef): boolean {
    if ((def.flagBits & Flag.denyoom) !== 0) return true;
    return c.multi !== null && def.name !== 'exec' && def.name !== 'discard' && def.name !== 'quit' && def.name !== 'reset';
  }

  private reject(c: ClientSession, def: CommandDef | null, text: string): void {
    // A refused EXEC ends the transaction (Redis's execCommandAbort).
    if (def?.name === 'exec' && c.multi !== null) {
      c.multi = null;
      c.multiError = false;
      this.server.watch.unwatchAll(c);
      text = `EXECABORT Transaction discarded because of: ${text}`;
    }
    if (c.multi !== null) c.multiError = true;
    if (def) this.server.stats.commandOf(def.id, def.name).rejectedCalls++;
    this.server.stats.error(errorCode(text));
    c.reply(new ErrorReply(text));
  }

  private unknownCommand(argv: readonly string[]): string {
    const name = argv[0] as string;
    const container = this.server.commands.lookup(name);
    if (container?.subcommands && argv.length >= 2) {
      return `ERR unknown subcommand '${clip(argv[1] as string)}'. Try ${name.toUpperCase()} HELP.`.replace(/[\r\n]/g, ' ');
    }
    let args = '';
    for (let i = 1; i < argv.length && args.length < 128; i++) {
      args += `'${(argv[i] as string).slice(0, 128 - args.length)}' `;
    }
    return `ERR unknown command '${clip(name)}', with args beginning with: ${args}`.replace(/[\r\n]/g, ' ');
  }

  private protectedAllowed(c: ClientSession, def: CommandDef): boolean {
    const setting = this.server.config.get<string>(def.name.startsWith('module') ? 'enable-module-command' : 'enable-debug-command');
    if (setting === 'yes') return true;
    if (setting === 'local') {
      const addr = c.link.remoteAddress;
      return addr.startsWith('127.') || addr.startsWith('[::1]') || addr.startsWith('::1') || addr.startsWith('/');
    }
    return false;
  }
}

function errorCode(text: string): string {
  const space = text.indexOf(' ');
  return space < 0 ? text : text.slice(0, space);
}
