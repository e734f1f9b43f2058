// MIGRATE's connections to target instances, cached per host:port as Redis caches them
// (INFO migrate_cached_sockets): a link idle for 10 s is closed, and at most 64 are kept.
// An exchange writes one buffer of commands and reads one reply line per command, each step
// bounded by the MIGRATE timeout — Redis's syncWrite/syncReadLine, without blocking the loop.

import { Buffer } from 'node:buffer';
import { connect, type Socket } from 'node:net';

/** What an exchange got: the reply lines read, and how it stopped short, if it did. */
export interface Exchange {
  lines: string[];
  /** null when every expected line arrived. */
  failure: 'write' | 'read' | null;
  timedOut: boolean;
}

const IDLE_CLOSE_MS = 10_000;
const MAX_LINKS = 64;

export class TargetLink {
  /** The database the target connection has selected, -1 when unknown (Redis's last_dbid). */
  lastDbid = -1;
  private pending = '';
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private onLine: ((line: string) => void) | null = null;
  private onEnd: ((err: boolean) => void) | null = null;
  private ended = false;

  constructor(
    readonly socket: Socket,
    private readonly forget: () => void,
    private readonly idleMs: number,
  ) {
    socket.setNoDelay(true);
    socket.setEncoding('latin1');
    socket.on('data', (text: string) => this.received(text));
    socket.on('error', () => this.stop());
    socket.on('close', () => this.stop());
  }

  get alive(): boolean {
    return !this.ended;
  }

  /** Write `payload`, then read `expected` reply lines; each step waits at most `timeoutMs`. */
  exchange(payload: Buffer, expected: number, timeoutMs: number): Promise<Exchange> {
    this.cancelIdle();
    const lines: string[] = [];
    return new Promise((done) => {
      let written = false;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const finish = (failure: Exchange['failure'], timedOut: boolean): void => {
        if (timer !== null) clearTimeout(timer);
        this.onLine = null;
        this.onEnd = null;
        if (failure === null) this.armIdle();
        done({ lines, failure, timedOut });
      };
      const arm = (): void => {
        if (timer !== null) clearTimeout(timer);
        timer = setTimeout(() => finish(written ? 'read' : 'write', true), timeoutMs);
      };
      if (this.ended) {
        finish('write', false);
        return;
      }
      this.pending = '';
      this.onLine = (line) => {
        lines.push(line);
        if (lines.length === expected) finish(null, false);
        else arm();
      };
      this.onEnd = () => finish(written ? 'read' : 'write', false);
      arm();
      this.socket.write(payload, (err) => {
        if (err || this.onEnd === null) return;
        written = true;
        arm();
      });
      if (expected === 0) finish(null, false);
    });
  }

  close(): void {
    this.socket.destroy();
    this.stop();
  }

  private received(text: string): void {
    this.pending += text;
    for (;;) {
      const nl = this.pending.indexOf('\n');
      if (nl < 0) return;
      const line = this.pending.slice(0, nl > 0 && this.pending.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
      this.pending = this.pending.slice(nl + 1);
      // A line nobody waits for (a late reply after a timeout) is dropped.
      this.onLine?.(line);
    }
  }

  private stop(): void {
    if (this.ended) return;
    this.ended = true;
    this.cancelIdle();
    this.forget();
    this.onEnd?.(true);
  }

  private armIdle(): void {
    this.cancelIdle();
    this.idleTimer = setTimeout(() => this.close(), this.idleMs);
    this.idleTimer.unref();
  }

  private cancelIdle(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

export class MigrateLinks {
  private readonly links = new Map<string, TargetLink>();

  constructor(
    private readonly idleMs = IDLE_CLOSE_MS,
    private readonly maxLinks = MAX_LINKS,
  ) {}

  /** Cached connections (INFO migrate_cached_sockets). */
  get size(): number {
    return this.links.size;
  }

  /**
   * The cached link to host:port, or a new one; 'timeout' when connecting took over
   * `timeoutMs`, 'failed' when it was refused or could not start.
   */
  async get(host: string, port: string, timeoutMs: number): Promise<TargetLink | 'timeout' | 'failed'> {
    const name = `${host}:${port}`;
    const cached = this.links.get(name);
    if (cached !== undefined && cached.alive) {
      // Most recently used last, so that the oldest is the one dropped when the cache is full.
      this.links.delete(name);
      this.links.set(name, cached);
      return cached;
    }
    const socket = await connectWithin(host, Number(port), timeoutMs);
    if (typeof socket === 'string') return socket;
    if (this.links.size >= this.maxLinks) this.links.values().next().value?.close();
    const link: TargetLink = new TargetLink(socket, () => {
      if (this.links.get(name) === link) this.links.delete(name);
    }, this.idleMs);
    this.links.set(name, link);
    return link;
  }

  /** Drop the cached link to host:port (after a socket error), if any. */
  close(host: string, port: string): void {
    this.links.get(`${host}:${port}`)?.close();
  }

  closeAll(): void {
    for (const link of [...this.links.values()]) link.close();
  }
}

function connectWithin(host: string, port: number, timeoutMs: number): Promise<Socket | 'timeout' | 'failed'> {
  return new Promise((done) => {
    if (!Number.isInteger(port) || port <= 0 || port > 65535) {
      done('failed');
      return;
    }
    const socket = connect({ host, port });
    socket.unref();
    const timer = setTimeout(() => {
      socket.destroy();
      done('timeout');
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      // The link installs its own handlers; until then an error must not go unhandled.
      socket.removeAllListeners('error');
      socket.on('error', () => undefined);
      done(socket);
    });
    socket.once('error', () => {
      clearTimeout(timer);
      socket.destroy();
      done('failed');
    });
  });
}
