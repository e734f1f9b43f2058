// The bridge between network and the command core: one ClientSession per connection,
// connection admission (maxclients, protected mode), byte counters.

import { ClientSession, type ServerCore } from '@cinnabar/command-kit';
import type { CommandService, Connection, ConnectionHandler } from '@cinnabar/network';
import type { Logger } from 'pino';

const PROTECTED_MODE_TEXT =
  "DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user. " +
  "In this mode connections are only accepted from the loopback interface. If you want to connect from external computers to Redis " +
  "you may adopt one of the following solutions: 1) Just disable protected mode sending the command 'CONFIG SET protected-mode no' " +
  "from the loopback interface by connecting to Redis from the same host the server is running, however MAKE SURE Redis is not " +
  "publicly accessible from internet if you do so. Use CONFIG REWRITE to make this change permanent. 2) Alternatively you can just " +
  "disable the protected mode by editing the Redis configuration file, and setting the protected mode option to 'no', and then " +
  "restarting the server. 3) If you started the server manually just for testing, restart it with the '--protected-mode no' option. " +
  "4) Set up an authentication password for the default user. NOTE: You only need to do one of the above things in order for the " +
  "server to start accepting connections from the outside.";

function isLoopback(addr: string): boolean {
  return addr.startsWith('127.') || addr.startsWith('[::1]') || addr.startsWith('[::ffff:127.');
}

export class SessionService implements CommandService {
  /** Connections per session, so CLIENT KILL and timeouts can reach sockets. */
  readonly sessions = new Map<ClientSession, Connection>();
  private maxBulk = 512 * 1024 * 1024;
  private pauseTimer: NodeJS.Timeout | null = null;
  /** Runs before any connection writes replies (appendfsync always: the AOF reaches disk first). */
  beforeFlush: () => void = () => undefined;

  constructor(private readonly core: ServerCore, private readonly log: Logger) {
    core.config.param<number>('proto-max-bulk-len').onChange((v) => (this.maxBulk = v));
    core.clients.onPauseSet = (endMs) => this.wakeAtPauseEnd(endMs);
  }

  /** Redis notices a pause's end in its cron; a timer at the end time releases clients sooner. */
  private wakeAtPauseEnd(endMs: number): void {
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    const delay = Math.min(endMs - this.core.clock.nowMs() + 1, 2 ** 31 - 1);
    this.pauseTimer = setTimeout(() => {
      this.pauseTimer = null;
      const clients = this.core.clients;
      if (clients.checkPauseTimeout(this.core.clock.nowMs())) this.wakeAtPauseEnd(clients.pauseEndMs);
    }, Math.max(0, delay));
    this.pauseTimer.unref();
  }

  open(conn: Connection): ConnectionHandler | { refuse: string } {
    const core = this.core;
    if (core.clients.size >= core.config.get<number>('maxclients')) {
      core.stats.rejectedConnections++;
      return { refuse: 'ERR max number of clients reached' };
    }
    if (core.config.get<boolean>('protected-mode') && !core.requiresAuth() &&
        core.config.get<string>('bind') === '* -::*' && !isLoopback(conn.remoteAddress)) {
      return { refuse: PROTECTED_MODE_TEXT };
    }
    const session = new ClientSession(core.clients.allocateId(), conn, core);
    core.clients.add(session);
    core.stats.totalConnections++;
    this.sessions.set(session, conn);
    const dispatcher = core.dispatcher;
    return {
      onRequest: (argv) => dispatcher.execute(session, argv),
      onClose: () => {
        this.sessions.delete(session);
        // CLIENT KILL already closed the session's bookkeeping.
        if (core.clients.get(session.id) === session) core.closeSession(session);
      },
      authRequired: () => !session.authenticated,
    };
  }

  maxBulkLen(): number {
    return this.maxBulk;
  }

  countInput(bytes: number): void {
    this.core.stats.netInputBytes += bytes;
  }

  countOutput(bytes: number): void {
    this.core.stats.netOutputBytes += bytes;
  }

  protocolError(conn: Connection, message: string): void {
    this.log.debug(`${message} from client: addr=${conn.remoteAddress}`);
  }
}
