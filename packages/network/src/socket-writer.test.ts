// SocketWriter over real loopback sockets: writes the kernel takes at once, writes it cannot
// (a peer that stops reading), several buffers in one call, and a peer that is gone.
import { Buffer } from 'node:buffer';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SocketWriter } from './socket-writer.js';

let server: Server | null = null;
const sockets: Socket[] = [];

afterEach(async () => {
  for (const s of sockets) s.destroy();
  sockets.length = 0;
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  server = null;
});

/** A connected pair: `local` is the accepted (server) side the writer writes to. */
async function pair(): Promise<{ local: Socket; peer: Socket }> {
  const accepted = new Promise<Socket>((resolve) => {
    server = createServer((s) => resolve(s));
  });
  await new Promise<void>((done) => (server as Server).listen(0, '127.0.0.1', () => done()));
  const address = (server as Server).address();
  const peer = connect(typeof address === 'object' && address ? address.port : 0, '127.0.0.1');
  const local = await accepted;
  sockets.push(local, peer);
  return { local, peer };
}

/** Collect what the peer receives until `bytes` arrived. */
function receive(peer: Socket, bytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let got = 0;
  return new Promise((resolve) => {
    const onData = (b: Buffer) => {
      parts.push(b);
      got += b.length;
      if (got >= bytes) {
        peer.off('data', onData);
        resolve(Buffer.concat(parts));
      }
    };
    peer.on('data', onData);
  });
}

function pattern(n: number, seed: number): Buffer {
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
}

describe('SocketWriter', () => {
  it('hands small writes to the kernel at once, so the caller may reuse the buffer', async () => {
    const { local, peer } = await pair();
    let drains = 0;
    const w = new SocketWriter(local, () => drains++);
    const got = receive(peer, 12);
    const buf = Buffer.from('+PONG\r\n');
    expect(w.write([buf])).toBe(true);
    expect(w.needsDrain).toBe(false);
    buf.write('+OK\r\n!!');
    expect(w.write([buf.subarray(0, 5)])).toBe(true);
    expect((await got).toString()).toBe('+PONG\r\n+OK\r\n');
    expect(w.pendingBytes).toBe(0);
    expect(w.needsDrain).toBe(false);
    expect(drains).toBe(0);
  });

  it('writes several buffers in order in one call', async () => {
    const { local, peer } = await pair();
    const w = new SocketWriter(local, () => undefined);
    const parts = [pattern(100, 1), pattern(70_000, 2), pattern(5, 3)];
    const got = receive(peer, 70_105);
    expect(w.write(parts)).toBe(true);
    expect((await got).equals(Buffer.concat(parts))).toBe(true);
  });

  it('keeps what the kernel cannot take yet, tells the caller to stop reading, and reports the drain', async () => {
    const { local, peer } = await pair();
    peer.pause();
    let drains = 0;
    const w = new SocketWriter(local, () => drains++);
    const chunks: Buffer[] = [];
    let consumed = true;
    // Enough to fill both sockets' kernel buffers on loopback.
    for (let i = 0; i < 64 && consumed; i++) {
      const c = pattern(1024 * 1024, i);
      chunks.push(c);
      consumed = w.write([c]);
    }
    expect(consumed).toBe(false);
    expect(w.pendingBytes).toBeGreaterThan(0);
    expect(w.needsDrain).toBe(true);
    // Written after the pending one, still in order.
    const tail = pattern(3, 99);
    chunks.push(tail);
    w.write([tail]);
    const total = chunks.reduce((n, c) => n + c.length, 0);
    const got = receive(peer, total);
    peer.resume();
    expect((await got).equals(Buffer.concat(chunks))).toBe(true);
    await new Promise((r) => setImmediate(r));
    expect(w.pendingBytes).toBe(0);
    expect(w.needsDrain).toBe(false);
    expect(drains).toBeGreaterThanOrEqual(1);
  });

  it('closes the socket when the peer is gone instead of throwing', async () => {
    const { local, peer } = await pair();
    const closed = new Promise<void>((done) => local.once('close', () => done()));
    local.on('error', () => undefined);
    peer.resetAndDestroy();
    await new Promise((r) => setTimeout(r, 50));
    const w = new SocketWriter(local, () => undefined);
    for (let i = 0; i < 4 && !local.destroyed; i++) w.write([pattern(64 * 1024, i)]);
    await closed;
    expect(local.destroyed).toBe(true);
  });
});
