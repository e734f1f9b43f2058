// One client connection: socket in, decoder, request loop, encoded replies out.
// Replies accumulate until the event-loop turn ends and leave in one syscall (FlushScheduler);
// a client whose socket cannot keep up stops being read until it drains.

import { Buffer } from 'node:buffer';
import type { Socket } from 'node:net';
import { type DecoderLimits, encodeReply, OutputBuffer, ProtocolError, type ProtocolVersion, type Reply, RequestDecoder } from '@cinnabar/resp';
import type { FlushScheduler } from './flush-scheduler.js';
import { SocketWriter } from './socket-writer.js';
import type { CommandService, ConnectionHandler } from './service.js';

export class Connection {
  readonly decoder: RequestDecoder;
  private readonly out = new OutputBuffer();
  private readonly writer: SocketWriter;
  private handler: ConnectionHandler | null = null;
  private inBatch = false;
  private flushQueued = false;
  private closeAfterFlush = false;
  private closed = false;
  /** Set while the client must not be read (blocked command, CLIENT PAUSE). */
  private held = false;
  readonly remoteAddress: string;
  readonly localAddress: string;
  readonly fd: number;

  constructor(
    readonly socket: Socket,
    private readonly service: CommandService,
    private readonly flusher: FlushScheduler,
    /** The socket reads into a buffer shared by all connections (onSharedRead), not 'data' events. */
    private readonly sharedReads = false,
  ) {
    this.decoder = new RequestDecoder(new ConnectionLimits(service, this));
    this.writer = new SocketWriter(socket, () => this.onDrain());
    this.remoteAddress = formatAddress(socket.remoteAddress, socket.remotePort);
    this.localAddress = formatAddress(socket.localAddress, socket.localPort);
    this.fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd ?? -1;
  }

  start(): void {
    const opened = this.service.open(this);
    if ('refuse' in opened) {
      this.socket.end(`-${opened.refuse}\r\n`, () => this.socket.destroy());
      this.closed = true;
      return;
    }
    this.handler = opened;
    if (!this.sharedReads) this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('drain', () => this.onDrain());
    this.socket.on('error', () => this.socket.destroy());
    this.socket.on('close', () => this.onClosed());
  }

  /** A read into the shared buffer: parsed now; the decoder keeps a copy of what it did not use. */
  onSharedRead(nread: number, buf: Buffer): void {
    if (this.handler === null) return;
    this.onData(buf.subarray(0, nread));
    this.decoder.ownInput();
  }

  private onData(chunk: Buffer): void {
    this.service.countInput(chunk.length);
    // Nothing more is read from a client being closed (QUIT, protocol error, CLIENT KILL).
    if (this.closeAfterFlush || this.closed) return;
    try {
      this.decoder.feed(chunk);
    } catch (e) {
      this.protocolFailure(e);
      return;
    }
    this.processInput();
  }

  /** Run buffered requests until none is complete, the client is held, or it closes. */
  processInput(): void {
    const handler = this.handler;
    if (handler === null) return;
    this.inBatch = true;
    try {
      while (!this.held && !this.closeAfterFlush && !this.closed) {
        const argv = this.decoder.next();
        if (argv === null) break;
        handler.onRequest(argv);
      }
    } catch (e) {
      this.protocolFailure(e);
    } finally {
      this.inBatch = false;
    }
    this.requestFlush();
  }

  private protocolFailure(e: unknown): void {
    if (!(e instanceof ProtocolError)) throw e;
    this.service.protocolError(this, e.message);
    this.out.writeLatin1(`-ERR ${e.message}\r\n`);
    this.close(true);
  }

  write(reply: Reply, proto: ProtocolVersion): void {
    if (this.closed) return;
    encodeReply(this.out, reply, proto);
    if (!this.inBatch) this.requestFlush();
  }

  /** Write the pending output when this event-loop turn's reads are done. */
  private requestFlush(): void {
    if (this.flushQueued || this.closed) return;
    if (this.out.isEmpty() && !this.closeAfterFlush) return;
    this.flushQueued = true;
    this.flusher.add(this);
  }

  flush(): void {
    this.flushQueued = false;
    if (this.closed) return;
    if (!this.out.isEmpty()) {
      this.service.beforeFlush?.();
      this.service.countOutput(this.out.size);
      // Several buffers (big payloads kept by reference) still leave in one writev.
      const consumed = this.writer.write(this.out.peek());
      this.out.reset(!consumed);
      if (this.writer.needsDrain) this.socket.pause();
    }
    if (this.closeAfterFlush) {
      // Like Redis's close(fd) once the reply is out: a peer still sending gets a reset
      // instead of a half-open socket that reads forever.
      this.closed = true;
      this.socket.end(() => this.socket.destroy());
    }
  }

  /** Output that could not be written at once has been: read again unless held. */
  private onDrain(): void {
    if (!this.held && !this.closed) this.socket.resume();
  }

  close(afterPendingReplies: boolean): void {
    if (this.closed) return;
    if (afterPendingReplies) {
      this.closeAfterFlush = true;
      if (!this.inBatch) this.flush();
    } else {
      this.closed = true;
      this.socket.destroy();
    }
  }

  /** Stop reading requests (blocked client, paused clients). */
  hold(): void {
    this.held = true;
  }

  /** Resume reading, and run whatever arrived meanwhile. */
  release(): void {
    if (!this.held) return;
    this.held = false;
    if (!this.socket.isPaused() || this.writer.needsDrain) this.processInput();
    else {
      this.socket.resume();
      this.processInput();
    }
  }

  /** True while the client still has to authenticate (the decoder's tighter limits). */
  authRequired(): boolean {
    return this.handler?.authRequired() ?? false;
  }

  queryBufferBytes(): number {
    return this.decoder.bufferedBytes;
  }

  outputBufferBytes(): number {
    return this.out.size + this.writer.pendingBytes;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private onClosed(): void {
    this.closed = true;
    this.handler?.onClose();
    this.handler = null;
  }
}

/**
 * The decoder's limits, read live (CONFIG SET and AUTH apply to the next bulk). A class with
 * prototype getters keeps the decoder's reads monomorphic and inlinable.
 */
class ConnectionLimits implements DecoderLimits {
  constructor(
    private readonly service: CommandService,
    private readonly conn: Connection,
  ) {}

  get maxBulkLen(): number {
    return this.service.maxBulkLen();
  }

  get authRequired(): boolean {
    return this.conn.authRequired();
  }
}

function formatAddress(host: string | undefined, port: number | undefined): string {
  if (host === undefined) return '?:0';
  const h = host.startsWith('::ffff:') ? host.slice(7) : host;
  return `${h.includes(':') ? `[${h}]` : h}:${port ?? 0}`;
}
