// Proves the cinnabar-server executable contract: the bin execs node (one PID), the startup
// log, config files with quotes and includes, fatal config errors, a busy port, and SIGTERM.

import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  cinnabarMain, freePort, launch, type ManagedProcess, RawConnection, READY_LINE, runTool, startCinnabar, stopAll,
} from '@cinnabar/testing';

const started: ManagedProcess[] = [];
const root = mkdtempSync(join(tmpdir(), 'cinnabar-startup-'));
afterAll(async () => {
  await stopAll(...started);
  rmSync(root, { recursive: true, force: true });
});

async function ping(port: number): Promise<string> {
  const c = await RawConnection.connect(port);
  try {
    return await c.call('PING');
  } finally {
    c.close();
  }
}

const node = process.execPath;

describe('node_modules/.bin/cinnabar-server', () => {
  let server: ManagedProcess;

  test('execs node, so the spawned PID is the listening server', async () => {
    server = await startCinnabar({ viaBin: true });
    started.push(server);
    expect(basename(readlinkSync(`/proc/${server.pid}/exe`))).toMatch(/^node/);
    expect(await ping(server.port)).toBe('+PONG\r\n');
  });

  test('logs " PID: <pid>" before "Ready to accept connections"', () => {
    const pidAt = server.stdout.indexOf(` PID: ${server.pid}`);
    expect(pidAt).toBeGreaterThanOrEqual(0);
    expect(server.stdout.indexOf(READY_LINE)).toBeGreaterThan(pidAt);
  });

  test('INFO server reports the same process_id', async () => {
    const c = await RawConnection.connect(server.port);
    try {
      expect(await c.call('INFO', 'server')).toContain(`\r\nprocess_id:${server.pid}\r\n`);
    } finally {
      c.close();
    }
  });
});

describe('config files', () => {
  test('quoted values and include are honoured; the pidfile holds the PID and is removed on exit', async () => {
    const dir = join(root, 'with space');
    mkdirSync(dir);
    const port = await freePort();
    const pidfile = join(dir, 'cinnabar server.pid');
    writeFileSync(join(dir, 'net.conf'), `# network\nport ${port}\nbind "127.0.0.1"\n`);
    writeFileSync(join(dir, 'main.conf'), [
      '# Cinnabar startup test',
      `include "${join(dir, 'net.conf')}"`,
      `pidfile '${pidfile}'`,
      'loglevel "notice"',
      '',
    ].join('\n'));
    const p = launch(node, [cinnabarMain, join(dir, 'main.conf')], { cwd: dir, port });
    started.push(p);
    await p.waitForOutput(READY_LINE);
    expect(await ping(port)).toBe('+PONG\r\n');
    expect(readFileSync(pidfile, 'latin1')).toBe(`${p.pid}\n`);
    expect(await p.stop()).toEqual({ code: 0, signal: null });
    expect(existsSync(pidfile)).toBe(false);
  });

  test('an unknown directive exits 1 naming the file and line', async () => {
    const file = join(root, 'bad.conf');
    writeFileSync(file, 'port 0\n# comment\nfoo-bar baz\n');
    const r = await runTool(node, [cinnabarMain, file], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\nReading the configuration file ${file}, at line 3\n>>> 'foo-bar baz'\nBad directive or wrong number of arguments\n`);
    expect(r.stdout).not.toContain(READY_LINE);
  });

  test('an error inside an included file names the included file', async () => {
    const inc = join(root, 'inc-bad.conf');
    const file = join(root, 'includes-bad.conf');
    writeFileSync(inc, '\nmaxmemory 1x\n');
    writeFileSync(file, `port 0\ninclude ${inc}\n`);
    const r = await runTool(node, [cinnabarMain, file], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Reading the configuration file ${inc}, at line 2\n>>> 'maxmemory 1x'\nargument must be a memory value\n`);
  });

  test('a bad command-line option is reported exactly as redis-server reports it', async () => {
    const args = ['--port', '0', '--foo', '1'];
    const [ours, theirs] = await Promise.all([
      runTool(node, [cinnabarMain, ...args], { cwd: root }),
      runTool('redis-server', args, { cwd: root }),
    ]);
    expect(theirs.code).toBe(1);
    expect({ code: ours.code, stderr: ours.stderr }).toEqual({ code: 1, stderr: theirs.stderr });
  });
});

describe('listening and shutdown', () => {
  test('a busy port logs "Failed listening on port" and exits 1', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((ok) => blocker.listen(0, '127.0.0.1', ok));
    const port = (blocker.address() as { port: number }).port;
    try {
      const p = launch(node, [cinnabarMain, '--port', String(port), '--bind', '127.0.0.1'], { cwd: root, port });
      started.push(p);
      expect(await p.exited).toEqual({ code: 1, signal: null });
      expect(p.stdout + p.stderr).toContain(`Failed listening on port ${port} (tcp), aborting.`);
      expect(p.stdout).not.toContain(READY_LINE);
    } finally {
      blocker.close();
    }
  });

  test('SIGTERM exits 0 after logging "ready to exit, bye bye"', async () => {
    const p = await startCinnabar();
    started.push(p);
    expect(await p.stop()).toEqual({ code: 0, signal: null });
    expect(p.stdout).toContain('Received SIGTERM scheduling shutdown...');
    expect(p.stdout).toContain('Redis is now ready to exit, bye bye...');
  });
});
