// The MIGRATE connection cache against a loopback listener: one link per host:port, reused;
// an exchange reads one line per command and times out on silence; idle links close; a
// refused connection and a full cache behave as documented.
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { Buffer } from 'node:buffer';
import { afterEach, describe, expect, it } from 'vitest';
import { MigrateLinks } from './migrate-links.js';

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A listener answering each received line with `answer(line)` (nothing when it returns null). */
async function listener(answer: (line: string) => string | null): Promise<{ port: string; accepted: () => number }> {
  let accepted = 0;
  const sockets: Socket[] = [];
  const srv = createServer((sock) => {
    accepted++;
    sockets.push(sock);
    let buf = '';
    sock.setEncoding('latin1');
    sock.on('data', (d: string) => {
      buf += d;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).replace(/\r$/, '');
        buf = buf.slice(nl + 1);
        const a = answer(line);
        if (a !== null) sock.write(`${a}\r\n`);
      }
    });
  });
  srv.on('close', () => sockets.forEach((s) => s.destroy()));
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  servers.push(srv);
  return { port: String((srv.address() as { port: number }).port), accepted: () => accepted };
}

describe('MigrateLinks', () => {
  it('reuses one link per host:port and reads one line per command', async () => {
    const t = await listener((l) => (l === 'bad' ? '-ERR no' : '+OK'));
    const links = new MigrateLinks();
    const a = await links.get('127.0.0.1', t.port, 1000);
    if (typeof a === 'string') throw new Error(a);
    expect(await a.exchange(Buffer.from('one\r\nbad\r\n'), 2, 1000)).toEqual({ lines: ['+OK', '-ERR no'], failure: null, timedOut: false });
    expect(await links.get('127.0.0.1', t.port, 1000)).toBe(a);
    expect(links.size).toBe(1);
    expect(t.accepted()).toBe(1);
    links.closeAll();
    expect(links.size).toBe(0);
  });

  it('times out when the target stays silent, reporting the read side', async () => {
    const t = await listener(() => null);
    const links = new MigrateLinks();
    const a = await links.get('127.0.0.1', t.port, 1000);
    if (typeof a === 'string') throw new Error(a);
    const got = await a.exchange(Buffer.from('x\r\n'), 1, 100);
    expect(got).toEqual({ lines: [], failure: 'read', timedOut: true });
    links.closeAll();
  });

  it('closes a link left idle, and reports a refused connection as failed', async () => {
    const t = await listener(() => '+OK');
    const links = new MigrateLinks(50);
    const a = await links.get('127.0.0.1', t.port, 1000);
    if (typeof a === 'string') throw new Error(a);
    await a.exchange(Buffer.from('x\r\n'), 1, 1000);
    expect(links.size).toBe(1);
    await new Promise((r) => setTimeout(r, 150));
    expect(links.size).toBe(0);
    expect(a.alive).toBe(false);

    const closed = await listener(() => null);
    const port = closed.port;
    servers.pop()?.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(await links.get('127.0.0.1', port, 1000)).toBe('failed');
    expect(await links.get('127.0.0.1', '70000', 1000)).toBe('failed');
  });

  it('keeps at most its limit of links, dropping the least recently used', async () => {
    const [t1, t2, t3] = [await listener(() => '+OK'), await listener(() => '+OK'), await listener(() => '+OK')];
    const links = new MigrateLinks(10_000, 2);
    const first = await links.get('127.0.0.1', t1.port, 1000);
    await links.get('127.0.0.1', t2.port, 1000);
    await links.get('127.0.0.1', t1.port, 1000);
    await links.get('127.0.0.1', t3.port, 1000);
    expect(links.size).toBe(2);
    expect(typeof first !== 'string' && first.alive).toBe(true);
    expect(await links.get('127.0.0.1', t1.port, 1000)).toBe(first);
    expect(t1.accepted()).toBe(1);
    // t2 was the one dropped: asking for it again opens a new connection.
    await links.get('127.0.0.1', t2.port, 1000);
    expect(t2.accepted()).toBe(2);
    expect(links.size).toBe(2);
    links.closeAll();
  });
});
