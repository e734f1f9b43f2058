// The measurement tools' (bench, memory, fuzz) view of server processes: @cinnabar/testing's
// launcher on a free port of the tools' range, CPU time and RSS from /proc, and cleanup that
// stops every server started here by PID, also on error, SIGINT or SIGTERM.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cinnabarBin, cinnabarMain, directiveArgs, launch, makeTempDir, READY_LINE, RawConnection } from '@cinnabar/testing';

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

/**
 * Starts 'redis' (redis-server) or 'cinnabar' on a free port of the range, without persistence,
 * bound to loopback, in a temp dir, and waits for its ready line. Cinnabar runs through its bin
 * (which exec's node, so the PID is the server's) unless `viaNode` asks for node dist/main.js.
 * `ports` ({from, to}) picks another range. Retries on another port when the bind lost a race.
 */
export async function startServer(kind, { directives = {}, viaNode = false, readyTimeoutMs = 15_000, ports = PORT_RANGE } = {}) {
  let lastError;
  for (let attempt = 0; attempt < 4; attempt++) {
    const port = await freePort(ports);
    const dir = makeTempDir(`cinnabar-tools-${kind}-`);
    const args = directiveArgs({ port, bind: '127.0.0.1', dir, save: '', ...(kind === 'redis' ? { appendonly: 'no' } : {}), ...directives });
    const opts = { cwd: dir, ownedDir: dir, port };
    const p = kind === 'redis'
      ? launch('redis-server', args, opts)
      : viaNode ? launch(process.execPath, [cinnabarMain, ...args], opts) : launch(cinnabarBin, args, opts);
    p.name = kind;
    live.add(p);
    void p.exited.then(() => live.delete(p));
    try {
      await p.waitForOutput(READY_LINE, readyTimeoutMs);
      return p;
    } catch (e) {
      lastError = e;
      await p.stop();
      if (!/in use|Failed listening/.test(p.stdout + p.stderr)) break;
    }
  }
  throw lastError;
}

/** True when the server answers PING with +PONG on a fresh connection within `timeoutMs`. */
export async function ping(port, timeoutMs = 2000) {
  let c;
  const timer = new Promise((done) => setTimeout(() => done(false), timeoutMs));
  try {
    const attempt = (async () => {
      c = await RawConnection.connect(port);
      c.send(['PING']);
      const { frames } = await c.read(1, timeoutMs);
      return frames[0] === '+PONG\r\n';
    })();
    return await Promise.race([attempt, timer]);
  } catch {
    return false;
  } finally {
    c?.close();
  }
}

/** Stops every server this process started. */
export async function stopAll() {
  await Promise.all([...live].map((p) => p.stop()));
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
    for (const p of live) p.killNow('SIGKILL');
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
