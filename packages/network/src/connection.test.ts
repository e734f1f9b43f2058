// Connection and TcpServer over real loopback sockets: pipelining with one write per read,
// partial frames, QUIT-style close after the reply, protocol errors, refusal, hold/release.
import { Buffer } from 'node:buffer';
import { connect, type Socket } from 'node:net';
import { type ParsedReply, reply, ReplyParser } from '@cinnabar/resp';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection } from './connection.js';
import type { CommandService, ConnectionHandler } from './service.js';
import { TcpServer } from './tcp-server.js';

/** A toy command service: PING, ECHO, QUIT, HOLD (stop reading until released), QBUF. */
class ToyService implements CommandService {
  readonly requests: string[][] = [];
  readonly protocolErrors: string[] = [];
  readonly closed: Connection[] = [];
  readonly held: Connection[] = [];
  reads = 0;
  writes = 0;
  authRequired = false;
  refuse: string | null = null;

  open(conn: Connection): ConnectionHandler | { refuse: string } {
    if (this.refuse !== null) return { refuse: this.refuse };
    return {
      onRequest: (argv) => this.run(conn, argv),
      onClose: () => this.closed.push(conn),
      authRequired: () => this.authRequired,
    };
  }

  private run(conn: Connection, argv: string[]): void {
    this.requests.push(argv);
    switch ((argv[0] as string).toUpperCase()) {
      case 'PING':
        return conn.write(reply.pong, 2);
      case 'ECHO':
        return conn.write(argv[1] as string, 2);
      case 'QBUF':
        return conn.write(conn.queryBufferBytes(), 2);
      case 'QUIT':
        conn.write(reply.ok, 2);
        return conn.close(true);
      case 'HOLD':
        this.held.push(conn);
        conn.write(reply.ok, 2);
        return conn.hold();
      default:
        return conn.write(reply.error(`ERR unknown command '${argv[0]}'`), 2);
    }
  }

  maxBulkLen(): number {
    return 1024 * 1024;
  }
  countInput(): void {
    this.reads++;
  }
  countOutput(): void {
    this.writes++;
  }
  protocolError(_conn: Connection, message: string): void {
    this.protocolErrors.push(message);
  }
}

/** A client socket that collects replies and notices the server closing. */
class Client {
  private readonly parser = new ReplyParser();
  readonly replies: ParsedReply[] = [];
  raw = '';
  ended = false;
  private waiters: (() => void)[] = [];

  constructor(readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (b: Buffer) => {
      this.raw += b.toString('latin1');
      this.parser.feed(b);
      for (let r = this.parser.next(); r !== undefined; r = this.parser.next()) this.replies.push(r);
      this.wake();
    });
    socket.on('close', () => {
      this.ended = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  private wake(): void {
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
  }

  /** Wait until the condition holds (or fail after a while). */
  async until(cond: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 5000;
    while (!cond()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  async replyCount(n: number): Promise<ParsedReply[]> {
    await this.until(() => this.replies.length >= n, `${n} replies`);
    return this.replies;
  }

  send(bytes: string): void {
    this.socket.write(Buffer.from(bytes, 'latin1'));
  }
}

const servers: TcpServer[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const s of servers.splice(0)) await s.close();
});

async function start(service = new ToyService()): Promise<{ service: ToyService; server: TcpServer; client: (halfOpen?: boolean) => Promise<Client> }> {
  const server = new TcpServer(service);
  servers.push(server);
  await server.listen({ port: 0, bind: ['127.0.0.1'], backlog: 511, keepAliveSec: () => 300 });
  /** halfOpen: the client keeps its side open after the server's FIN, as a raw socket does. */
  const client = async (halfOpen = false): Promise<Client> => {
    const socket = connect({ host: '127.0.0.1', port: server.boundPort(), allowHalfOpen: halfOpen });
    sockets.push(socket);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    return new Client(socket);
  };
  return { service, server, client };
}

function multibulk(...args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;
}

describe('Connection over loopback', () => {
  it('answers 1000 pipelined commands in order, with one socket write per read', async () => {
    const { service, client } = await start();
    const c = await client();
    c.send(Array.from({ length: 1000 }, (_, i) => multibulk('ECHO', `m${i}`)).join(''));
    const replies = await c.replyCount(1000);
    expect(replies).toEqual(Array.from({ length: 1000 }, (_, i) => `m${i}`));
    expect(service.writes).toBe(service.reads);
  });

  it('assembles requests sent one byte at a time', async () => {
    const { service, client } = await start();
    const c = await client();
    const bytes = multibulk('ECHO', 'a\r\nb') + 'PING\r\n';
    for (const ch of bytes) {
      c.send(ch);
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(await c.replyCount(2)).toEqual(['a\r\nb', { simple: 'PONG' }]);
    expect(service.requests).toEqual([['ECHO', 'a\r\nb'], ['PING']]);
  });

  it('QUIT-style close writes the +OK, then closes without running what follows', async () => {
    const { service, client } = await start();
    const c = await client();
    c.send(multibulk('QUIT') + multibulk('ECHO', 'x'.repeat(1024)) + 'PING\r\n');
    await c.until(() => c.ended, 'the server to close');
    expect(c.raw).toBe('+OK\r\n');
    expect(service.requests).toEqual([['QUIT']]);
    await c.until(() => service.closed.length === 1, 'onClose');
  });

  it('a protocol error answers the requests before it, then the error, then closes', async () => {
    const { service, client } = await start();
    const c = await client();
    c.send('PING\r\n*x\r\nPING\r\n');
    await c.until(() => c.ended, 'the server to close');
    expect(c.raw).toBe('+PONG\r\n-ERR Protocol error: invalid multibulk length\r\n');
    expect(service.protocolErrors).toEqual(['Protocol error: invalid multibulk length']);
  });

  it('a client still sending after its protocol error is cut off, not read forever', async () => {
    const { service, client } = await start();
    const c = await client(true);
    let sent = 0;
    c.send('\x00');
    while (!c.ended && sent < 16 * 1024 * 1024) {
      const ok = c.socket.write('payload'.repeat(1000));
      sent += 7000;
      if (!ok) await new Promise((r) => setTimeout(r, 1));
    }
    await c.until(() => c.ended, 'the server to close');
    expect(c.raw).toBe('-ERR Protocol error: too big inline request\r\n');
    expect(sent).toBeLessThan(16 * 1024 * 1024);
    expect(service.requests).toEqual([]);
  });

  it('applies the unauthenticated limits while the handler says so', async () => {
    const service = new ToyService();
    service.authRequired = true;
    const { client } = await start(service);
    const c = await client();
    c.send(multibulk(...Array.from({ length: 11 }, () => 'a')));
    await c.until(() => c.ended, 'the server to close');
    expect(c.raw).toBe('-ERR Protocol error: unauthenticated multibulk length\r\n');
  });

  it('a refused connection gets the reason as an error, then is closed', async () => {
    const service = new ToyService();
    service.refuse = 'ERR max number of clients reached';
    const { client } = await start(service);
    const c = await client();
    await c.until(() => c.ended, 'the server to close');
    expect(c.raw).toBe('-ERR max number of clients reached\r\n');
  });

  it('keeps every connection\'s input its own although all read into one shared buffer', async () => {
    const { service, client } = await start();
    const clients = await Promise.all(Array.from({ length: 8 }, () => client()));
    // A held client keeps unparsed requests across the other connections' reads.
    const held = await client();
    held.send(multibulk('HOLD') + multibulk('ECHO', 'held-1') + multibulk('ECHO', 'held-2'));
    await held.replyCount(1);
    // Interleaved writes cut frames at random places, so reads end mid-request.
    const expected = clients.map((_, i) => Array.from({ length: 60 }, (_, j) => `c${i}-${j}-${'x'.repeat((i * 31 + j * 7) % 300)}`));
    const streams = expected.map((vals) => Buffer.from(vals.map((v) => multibulk('ECHO', v)).join(''), 'latin1'));
    const offsets = streams.map(() => 0);
    for (let round = 0; offsets.some((o, i) => o < (streams[i] as Buffer).length); round++) {
      for (let i = 0; i < clients.length; i++) {
        const buf = streams[i] as Buffer;
        const step = 1 + ((round * 131 + i * 17) % 97);
        const from = offsets[i] as number;
        if (from >= buf.length) continue;
        (clients[i] as Client).socket.write(buf.subarray(from, from + step));
        offsets[i] = from + step;
      }
      if (round % 5 === 0) await new Promise((r) => setImmediate(r));
    }
    for (let i = 0; i < clients.length; i++) {
      const replies = await (clients[i] as Client).replyCount(60);
      expect(replies).toEqual(expected[i]);
    }
    (service.held[0] as Connection).release();
    expect(await held.replyCount(3)).toEqual([{ simple: 'OK' }, 'held-1', 'held-2']);
  });

  it('hold stops running requests; release runs what arrived meanwhile, in order', async () => {
    const { service, client } = await start();
    const c = await client();
    c.send('HOLD\r\nECHO one\r\n');
    await c.replyCount(1);
    c.send('ECHO two\r\n');
    await new Promise((r) => setTimeout(r, 50));
    expect(c.replies).toEqual([{ simple: 'OK' }]);
    service.held[0]?.release();
    expect(await c.replyCount(3)).toEqual([{ simple: 'OK' }, 'one', 'two']);
  });

  it('counts the whole read as the query buffer while its requests run', async () => {
    const { client } = await start();
    const c = await client();
    const req = multibulk('QBUF');
    c.send(req + req);
    expect(await c.replyCount(2)).toEqual([2 * req.length, 2 * req.length]);
  });

  it('reports the peer and local addresses as Redis formats them', async () => {
    let seen: Connection | null = null;
    const service = new ToyService();
    const open = service.open.bind(service);
    service.open = (conn) => {
      seen = conn;
      return open(conn);
    };
    const { server, client } = await start(service);
    const c = await client();
    await new Promise((r) => setTimeout(r, 20));
    const conn = seen as unknown as Connection;
    expect(conn.remoteAddress).toBe(`127.0.0.1:${c.socket.localPort}`);
    expect(conn.localAddress).toBe(`127.0.0.1:${server.boundPort()}`);
    expect(conn.fd).toBeGreaterThan(0);
  });

  it('delivers a reply written outside a read (pub/sub push) on its own', async () => {
    let seen: Connection | null = null;
    const service = new ToyService();
    const open = service.open.bind(service);
    service.open = (conn) => {
      seen = conn;
      return open(conn);
    };
    const { client } = await start(service);
    const c = await client();
    await new Promise((r) => setTimeout(r, 20));
    (seen as unknown as Connection).write(reply.push(['message', 'ch', 'hi']), 2);
    expect(await c.replyCount(1)).toEqual([['message', 'ch', 'hi']]);
  });

  it('server close ends every connection and calls onClose', async () => {
    const { service, server, client } = await start();
    const a = await client();
    const b = await client();
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    await a.until(() => a.ended && b.ended, 'both clients to be closed');
    await a.until(() => service.closed.length === 2, 'onClose twice');
  });
});

describe('TcpServer.listen', () => {
  it('skips an optional bind address that cannot be bound and fails on a required one', async () => {
    const service = new ToyService();
    const server = new TcpServer(service);
    servers.push(server);
    await server.listen({ port: 0, bind: ['127.0.0.1', '-192.0.2.1'], backlog: 511, keepAliveSec: () => 0 });
    expect(server.boundPort()).toBeGreaterThan(0);
    const strict = new TcpServer(service);
    await expect(strict.listen({ port: 0, bind: ['192.0.2.1'], backlog: 511, keepAliveSec: () => 0 })).rejects.toThrow(/EADDRNOTAVAIL/);
  });
});
