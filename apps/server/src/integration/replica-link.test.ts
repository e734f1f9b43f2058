// A SYNC link behaves as redis-server 7.0.15's: the RDB image arrives as a `$<len>` payload
// without trailing CRLF, the writes that follow arrive as the command stream, and a command
// sent on the link that would be answered closes it instead of being answered.

import { Buffer } from 'node:buffer';
import { connect, type Socket } from 'node:net';
import { afterAll, describe, expect, test } from 'vitest';
import { type ManagedProcess, redisCli, startServer, type ServerKind, stopAll } from '@cinnabar/testing';

const procs: ManagedProcess[] = [];
afterAll(() => stopAll(...procs));

/** Bytes arriving on a socket, with a way to wait for a predicate over all of them. */
class Inbox {
  data = Buffer.alloc(0);
  closed = false;
  private waiters: (() => void)[] = [];

  constructor(socket: Socket) {
    socket.on('data', (c: Buffer) => this.poke(() => (this.data = Buffer.concat([this.data, c]))));
    socket.on('close', () => this.poke(() => (this.closed = true)));
    socket.on('error', () => {});
  }

  private poke(update: () => void): void {
    update();
    for (const w of this.waiters.splice(0)) w();
  }

  async until(ok: () => boolean, what: string, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!ok()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.data.toString('latin1').slice(-200))}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
  }
}

describe.each<ServerKind>(['cinnabar', 'redis'])('a SYNC link on %s', (kind) => {
  test('gets the RDB payload, then the write stream, and is closed by a command it sends', async () => {
    const p = await startServer(kind, { directives: { appendonly: 'no' } });
    procs.push(p);
    const link = connect({ port: p.port, host: '127.0.0.1' });
    const inbox = new Inbox(link);
    link.write('SYNC\r\n');

    // "$<len>\r\n" then exactly <len> bytes of RDB, no CRLF after them.
    let payloadEnd = -1;
    await inbox.until(() => {
      const text = inbox.data.toString('latin1').replace(/^\n+/, '');
      const m = /^\$(\d+)\r\n/.exec(text);
      if (m === null) return false;
      const start = inbox.data.length - text.length + m[0].length;
      payloadEnd = start + Number(m[1]);
      return inbox.data.length >= payloadEnd && inbox.data.subarray(start, start + 9).toString('latin1') === 'REDIS0010';
    }, 'the RDB payload');

    expect((await redisCli(p.port, ['SET', 'replicated-key', 'v1'])).stdout).toBe('OK\n');
    const expected = '*3\r\n$3\r\nSET\r\n$14\r\nreplicated-key\r\n$2\r\nv1\r\n';
    await inbox.until(() => inbox.data.subarray(payloadEnd).toString('latin1').includes(expected), 'the SET in the stream');
    const stream = inbox.data.subarray(payloadEnd).toString('latin1');
    // Only the stream follows the payload: SELECT then the SET (Redis may interleave PINGs).
    expect(stream.replace(/\*1\r\n\$4\r\nPING\r\n/gi, '')).toBe(`*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n${expected}`);

    const before = inbox.data.length;
    link.write('*1\r\n$4\r\nPING\r\n');
    await inbox.until(() => inbox.closed, 'the server to close the link');
    expect(inbox.data.subarray(before).toString('latin1')).not.toContain('+PONG');
    expect((await redisCli(p.port, ['PING'])).stdout).toBe('PONG\n');
  });
});
