// Real processes for integration tests: the compiled cinnabar-server and Debian's redis-server
// on free loopback ports, each in its own temp dir, stopped by the PID we started (SIGTERM, then
// SIGKILL). Only processes started here are ever signalled.

import { Buffer } from 'node:buffer';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file lives in packages/testing/{src,dist}/. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const cinnabarMain = join(repoRoot, 'apps/server/dist/main.js');
export const cinnabarBin = join(repoRoot, 'node_modules/.bin/cinnabar-server');
export const READY_LINE = 'Ready to accept connections';

/** A port nobody listens on right now: the kernel picks it for a listener on port 0. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', fail);
    srv.listen(0, host, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export function makeTempDir(prefix = 'cinnabar-it-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Every child started here and still running, so a crashed test run leaves none behind. */
const running = new Set<ManagedProcess>();
process.once('exit', () => {
  for (const p of running) p.killNow('SIGKILL');
});

/** The kernel's start time of a process (field 22 of /proc/PID/stat), to tell it from a reused PID. */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

// A test worker can be torn down without an 'exit' event. The reaper, a small process fed the
// PIDs we start (with their start times), SIGKILLs the ones still alive when our end of its
// stdin closes, i.e. when this test process is gone.
const REAPER = `
const live = new Map();
let buf = '';
process.stdin.setEncoding('latin1');
process.stdin.on('data', (d) => {
  buf += d;
  for (let i = buf.indexOf('\\n'); i >= 0; i = buf.indexOf('\\n')) {
    const [op, pid, start] = buf.slice(0, i).split(' ');
    buf = buf.slice(i + 1);
    if (op === '+') live.set(pid, start); else live.delete(pid);
  }
});
process.stdin.on('end', () => {
  const fs = require('fs');
  for (const [pid, start] of live) {
    try {
      const stat = fs.readFileSync('/proc/' + pid + '/stat', 'latin1');
      if (stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] === start) process.kill(Number(pid), 'SIGKILL');
    } catch {}
  }
  process.exit(0);
});
`;
let reaper: ChildProcess | null = null;

function reaperTell(line: string): void {
  if (reaper === null) {
    reaper = spawn(process.execPath, ['-e', REAPER], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
    reaper.unref();
    (reaper.stdin as unknown as { unref(): void }).unref();
    reaper.stdin?.on('error', () => {
      /* reaper gone: nothing more to guard */
    });
  }
  reaper.stdin?.write(`${line}\n`);
}

export interface LaunchOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Remove this directory after the process has been stopped. */
  ownedDir?: string;
  /** Port the process is expected to listen on, for `port` and client helpers. */
  port?: number;
}

/** A child process we started: its output so far, its exit, and a stop that escalates. */
export class ManagedProcess {
  readonly pid: number;
  readonly port: number;
  readonly dir: string;
  readonly exited: Promise<Exit>;
  private out = '';
  private err = '';
  private exit: Exit | null = null;
  private readonly watchers = new Set<() => void>();

  constructor(readonly child: ChildProcess, private readonly opts: LaunchOptions) {
    if (child.pid === undefined) throw new Error('process did not start');
    this.pid = child.pid;
    this.port = opts.port ?? 0;
    this.dir = opts.cwd ?? process.cwd();
    child.stdout?.setEncoding('latin1').on('data', (s: string) => {
      this.out += s;
      this.wake();
    });
    child.stderr?.setEncoding('latin1').on('data', (s: string) => {
      this.err += s;
      this.wake();
    });
    running.add(this);
    const started = startTime(this.pid);
    if (started !== null) reaperTell(`+ ${this.pid} ${started}`);
    this.exited = new Promise((ok) => {
      child.once('close', (code, signal) => {
        this.exit = { code, signal };
        running.delete(this);
        reaperTell(`- ${this.pid}`);
        this.wake();
        ok(this.exit);
      });
    });
  }

  get stdout(): string {
    return this.out;
  }

  get stderr(): string {
    return this.err;
  }

  get alive(): boolean {
    return this.exit === null;
  }

  private wake(): void {
    for (const w of [...this.watchers]) w();
  }

  /** Resolves once stdout+stderr contains `pattern`; rejects on exit or after `timeoutMs`. */
  waitForOutput(pattern: string | RegExp, timeoutMs = 10_000): Promise<void> {
    const seen = (): boolean => {
      const all = this.out + this.err;
      return typeof pattern === 'string' ? all.includes(pattern) : pattern.test(all);
    };
    return new Promise((ok, fail) => {
      const check = (): void => {
        if (seen()) done(null);
        else if (this.exit !== null) done(new Error(`process ${this.pid} exited (${JSON.stringify(this.exit)}) before printing ${String(pattern)}\n${this.describe()}`));
      };
      const timer = setTimeout(() => done(new Error(`timed out after ${timeoutMs} ms waiting for ${String(pattern)}\n${this.describe()}`)), timeoutMs);
      const done = (e: Error | null): void => {
        clearTimeout(timer);
        this.watchers.delete(check);
        if (e) fail(e);
        else ok();
      };
      this.watchers.add(check);
      check();
    });
  }

  describe(): string {
    return `--- stdout of ${this.pid} ---\n${this.out}\n--- stderr ---\n${this.err}`;
  }

  /** Send a signal to our own child, if it is still running. */
  killNow(signal: NodeJS.Signals): void {
    if (this.exit !== null) return;
    try {
      process.kill(this.pid, signal);
    } catch {
      /* already gone */
    }
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit and removes the temp dir. */
  async stop(graceMs = 5_000): Promise<Exit> {
    if (this.exit === null) {
      this.killNow('SIGTERM');
      const timer = setTimeout(() => this.killNow('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    if (this.opts.ownedDir) rmSync(this.opts.ownedDir, { recursive: true, force: true });
    return this.exit as Exit;
  }
}

export function launch(command: string, args: readonly string[], opts: LaunchOptions = {}): ManagedProcess {
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new ManagedProcess(child, opts);
}

/** Directives as redis-server takes them on its command line: `--name arg...`. */
export type Directives = Record<string, string | number | readonly string[]>;

export function directiveArgs(d: Directives): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(d)) {
    out.push(`--${name}`);
    if (Array.isArray(value)) out.push(...(value as string[]));
    else out.push(String(value));
  }
  return out;
}

export interface ServerOptions {
  /** Extra directives, appended after the defaults (port, bind, dir, no save). */
  directives?: Directives;
  /** Path of a config file passed as the first argument. */
  configFile?: string;
  /** Start through node_modules/.bin/cinnabar-server instead of `node dist/main.js`. */
  viaBin?: boolean;
  readyTimeoutMs?: number;
}

export type ServerKind = 'cinnabar' | 'redis';

/**
 * Start a server on a free loopback port and wait for its ready line. A port taken between
 * our probe and the server's bind (another test run) is retried with a new port.
 */
export async function startServer(kind: ServerKind, opts: ServerOptions = {}): Promise<ManagedProcess> {
  let lastError: unknown = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const dir = makeTempDir(`${kind}-it-`);
    const args = [
      ...(opts.configFile ? [opts.configFile] : []),
      ...directiveArgs({ port, bind: '127.0.0.1', dir, save: '', ...(kind === 'redis' ? { appendonly: 'no' } : {}), ...opts.directives }),
    ];
    const p = kind === 'redis'
      ? launch('redis-server', args, { cwd: dir, ownedDir: dir, port })
      : opts.viaBin
        ? launch(cinnabarBin, args, { cwd: dir, ownedDir: dir, port })
        : launch(process.execPath, [cinnabarMain, ...args], { cwd: dir, ownedDir: dir, port });
    try {
      await p.waitForOutput(READY_LINE, opts.readyTimeoutMs ?? 10_000);
      return p;
    } catch (e) {
      lastError = e;
      await p.stop();
      if (!/in use|Failed listening/.test(p.stdout + p.stderr)) break;
    }
  }
  throw lastError;
}

export const startCinnabar = (opts?: ServerOptions): Promise<ManagedProcess> => startServer('cinnabar', opts);
export const startRedis = (opts?: ServerOptions): Promise<ManagedProcess> => startServer('redis', opts);

/**
 * The server integration tests talk to: Cinnabar, or Redis itself when
 * CINNABAR_IT_TARGET=redis (to check that a test states Redis's behaviour).
 */
export function startTarget(opts?: ServerOptions): Promise<ManagedProcess> {
  return startServer(process.env.CINNABAR_IT_TARGET === 'redis' ? 'redis' : 'cinnabar', opts);
}

/** Stop several processes (for afterAll); tolerates ones that never started. */
export async function stopAll(...procs: (ManagedProcess | undefined | null)[]): Promise<void> {
  await Promise.all(procs.map((p) => p?.stop()));
}

/** Resolves once something accepts TCP connections on the port. */
export function canConnect(port: number, host = '127.0.0.1', timeoutMs = 1_000): Promise<boolean> {
  return new Promise((ok) => {
    const s = new Socket();
    const done = (v: boolean): void => {
      s.destroy();
      ok(v);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('error', () => done(false));
    s.connect(port, host, () => done(true));
  });
}

export interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a command-line tool to completion (redis-cli, the server with bad config), with optional stdin. */
export function runTool(command: string, args: readonly string[], opts: { input?: string | Buffer; timeoutMs?: number; cwd?: string } = {}): Promise<ToolResult> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('latin1').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('latin1').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 15_000);
    child.once('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      ok({ code, stdout, stderr });
    });
    child.stdin.on('error', () => {
      /* the tool may exit before reading all of its input */
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** redis-cli against a server on the loopback interface. */
export function redisCli(port: number, args: readonly string[], opts: { input?: string | Buffer; timeoutMs?: number } = {}): Promise<ToolResult> {
  return runTool('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], opts);
}
