// The TCP listener: binds the configured addresses, applies socket options and hands
// each accepted socket to a Connection.

import { createServer, type Server, type Socket } from 'node:net';
import { Connection } from './connection.js';
import { FlushScheduler } from './flush-scheduler.js';
import { type ReadCallback, useSharedReadBuffer } from './shared-read.js';
import type { CommandService } from './service.js';

export interface ListenOptions {
  port: number;
  /** bind addresses as redis.conf writes them; a leading '-' marks an optional one. */
  bind: readonly string[];
  backlog: number;
  keepAliveSec: () => number;
}

export class TcpServer {
  private readonly servers: Server[] = [];
  readonly connections = new Set<Connection>();
  private readonly flusher = new FlushScheduler();

  constructor(private readonly service: CommandService) {}

  async listen(opts: ListenOptions): Promise<void> {
    for (const raw of opts.bind) {
      const optional = raw.startsWith('-');
      const addr = optional ? raw.slice(1) : raw;
      const host = addr === '*' ? '0.0.0.0' : addr === '::*' ? '::' : addr;
      try {
        this.servers.push(await this.listenOne(host, opts));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (optional && (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT' || code === 'EADDRINUSE')) continue;
        throw e;
      }
    }
  }

  private listenOne(host: string, opts: ListenOptions): Promise<Server> {
    return new Promise((resolve, reject) => {
      const server = createServer({ noDelay: true }, (socket) => this.accept(socket, opts));
      server.once('error', reject);
      server.listen({ port: opts.port, host, backlog: opts.backlog, ipv6Only: host.includes(':') }, () => {
        server.off('error', reject);
        useSharedReadBuffer(server, (socket, setReader) => this.accept(socket, opts, setReader));
        resolve(server);
      });
    });
  }

  /** A new client; `setReader` when its socket reads into the shared buffer (shared-read.ts). */
  private accept(socket: Socket, opts: ListenOptions, setReader?: (r: ReadCallback) => void): void {
    socket.setNoDelay(true);
    const keepAlive = opts.keepAliveSec();
    if (keepAlive > 0) socket.setKeepAlive(true, keepAlive * 1000);
    const conn = new Connection(socket, this.service, this.flusher, setReader !== undefined);
    setReader?.((nread, buf) => conn.onSharedRead(nread, buf));
    this.connections.add(conn);
    socket.once('close', () => this.connections.delete(conn));
    conn.start();
  }

  /** Run `task` once this turn's replies have been written (FlushScheduler.afterReplies). */
  afterReplies(task: () => void): void {
    this.flusher.afterReplies(task);
  }

  /** The port actually bound (useful with port 0). */
  boundPort(): number {
    const a = this.servers[0]?.address();
    return a && typeof a === 'object' ? a.port : 0;
  }

  /** Stop listening and drop every client (a listener's close waits for its connections). */
  async close(): Promise<void> {
    const stopped = this.servers.map((s) => new Promise<void>((r) => s.close(() => r())));
    for (const c of this.connections) c.close(false);
    await Promise.all(stopped);
  }
}
