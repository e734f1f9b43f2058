// Starts redis-server and Cinnabar as child processes on free loopback ports for the
// measurement tools (bench, memory, fuzz), reads their CPU time and RSS from /proc, and
// makes sure every server this process started is stopped by PID, also on error or SIGINT.

import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ping } from './resp-call.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The port range the measurement tools may use. */
export const PORT_RANGE = { from: 7600, to: 7699 };

const reserved = new Set();
const live = new Set();

/** A loopback port in the range that nothing listens on right now (never the same twice per process). */
export async function freePort(range = PORT_RANGE) {
  const span = range.to - range.from + 1;
  const start = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = range.from + ((start + i) % span);
    if (reserved.has(port)) continue;
    if (await canListen(port)) {
      reserved.add(port);
      return port;
    }
  }
  throw new Error(`no free port in ${range.from}-${range.to}`);
}

function canListen(port) {
  return new Promise((done) => {
    const srv = createServer();
    srv.once('error', () => done(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => done(true)));
  });
}

/** redis-server argv: no persistence, loopback only. */
export function redisCommand(port, extra = []) {
  return { command: 'redis-server', args: ['--port', String(port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1', ...extra] };
}

/** Cinnabar argv: the installed bin (exec's node, so the PID is the server's) or dist/main.js via node. */
export function cinnabarCommand(port, extra = [], { viaNode = false } = {}) {
  const args = ['--port', String(port), '--save', '', '--bind', '127.0.0.1', ...extra];
  if (viaNode) return { command: process.execPath, args: [join(repoRoot, 'apps/server/dist/main.js'), ...args] };
  return { command: join(repoRoot, 'node_modules/.bin/cinnabar-server'), args };
}

/**
 * Starts a server on a free port and waits until it answers PING. `build(port)` returns
 * {command, args}. Retries on another port if the process dies before answering (a port race).
 */
export async function startServer(name, build, { readyTimeoutMs = 15_000, tries = 4 } = {}) {
  let lastError;
  for (let attempt = 0; attempt < tries; attempt++) {
    const port = await freePort();
    const server = launch(name, port, build(port));
    const ready = await waitReady(server, readyTimeoutMs);
    if (ready) return server;
    await server.stop();
    lastError = new Error(`${name} did not start on port ${port}:\n${server.logTail()}`);
  }
  throw lastError;
}

function launch(name, port, { command, args }) {
  const dir = mkdtempSync(join(tmpdir(), `cinnabar-tools-${name}-`));
  const child = spawn(command, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk) => {
    tail = (tail + chunk.toString('latin1')).slice(-8192);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exitInfo = null;
  const exited = new Promise((done) => {
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      live.delete(server);
      rmSync(dir, { recursive: true, force: true });
      done(exitInfo);
    });
    child.once('error', (e) => {
      keep(`spawn error: ${e.message}\n`);
      exitInfo = { code: -1, signal: null };
      live.delete(server);
      done(exitInfo);
    });
  });
  const server = {
    name,
    port,
    pid: child.pid,
    exited,
    exitInfo: () => exitInfo,
    isAlive: () => exitInfo === null,
    logTail: () => tail,
    /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
    async stop(graceMs = 3000) {
      if (exitInfo !== null) return exitInfo;
      signal(child.pid, 'SIGTERM');
      const timer = setTimeout(() => signal(child.pid, 'SIGKILL'), graceMs);
      const info = await exited;
      clearTimeout(timer);
      return info;
    },
  };
  live.add(server);
  return server;
}

async function waitReady(server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!server.isAlive()) return false;
    if (await ping(server.port, 500)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

function signal(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}

/** Stops every server this process started. */
export async function stopAll() {
  await Promise.all([...live].map((s) => s.stop()));
}

let cleanupInstalled = false;

/** On SIGINT/SIGTERM stop the servers and exit; on any exit SIGKILL what is still running. */
export function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  const onSignal = (sig) => {
    process.stderr.write(`\n${sig}: stopping servers\n`);
    void stopAll().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.on('exit', () => {
    for (const s of live) signal(s.pid, 'SIGKILL');
  });
}

let ticksPerSecond;

/** Kernel clock ticks per second (getconf CLK_TCK), the unit of utime/stime in /proc/PID/stat. */
export function clockTicksPerSecond() {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  return ticksPerSecond;
}

/** utime+stime of the whole process (all threads), in clock ticks. */
export function cpuTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  // Fields after the parenthesised command name start at field 3 (state); utime is 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Resident set size in bytes (VmRSS of /proc/PID/status), or null if the process is gone. */
export function rssBytes(pid) {
  let status;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'latin1');
  } catch {
    return null;
  }
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return m ? Number(m[1]) * 1024 : null;
}
