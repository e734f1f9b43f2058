// In-process harness: a whole server core (every command, pub/sub, WATCH, notifications)
// on a fake clock, with clients that speak through the real RESP encoder but no socket.

import { Buffer } from 'node:buffer';
import { ClientSession, type ClientLink, type ServerCore } from '@cinnabar/command-kit';
import { FakeClock, SeededRandom } from '@cinnabar/common';
import { encodeReply, OutputBuffer, type ParsedReply, type ProtocolVersion, type Reply, ReplyParser } from '@cinnabar/resp';
import { assembleServer } from '@cinnabar/server';
import { CommandStreamEncoder } from '@cinnabar/resp';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Keyspace } from '@cinnabar/storage';

export interface HarnessOptions {
  seed?: number;
  /** config directives applied before start, e.g. { databases: '16' } */
  config?: Record<string, string>;
  /** The server's `dir` (where SAVE writes); a scratch directory per test process by default. */
  dir?: string;
}

class TestLink implements ClientLink {
  readonly out = new OutputBuffer();
  closed = false;
  constructor(readonly remoteAddress: string) {}
  readonly localAddress = '127.0.0.1:6379';
  readonly fd = 8;
  write(r: Reply, proto: ProtocolVersion): void {
    encodeReply(this.out, r, proto);
  }
  close(): void {
    this.closed = true;
  }
  queryBufferBytes(): number {
    return 0;
  }
  outputBufferBytes(): number {
    return this.out.size;
  }
}

export class TestClient {
  private readonly parser = new ReplyParser();

  constructor(readonly session: ClientSession, private readonly link: TestLink, private readonly core: ServerCore) {}

  /** Run one command and return its reply (exactly one is expected). */
  call(...argv: (string | number)[]): ParsedReply {
    const replies = this.send(...argv);
    if (replies.length !== 1) throw new Error(`expected one reply to ${argv.join(' ')}, got ${replies.length}`);
    return replies[0] as ParsedReply;
  }

  /** Run one command and return every reply it produced (zero or more). */
  send(...argv: (string | number)[]): ParsedReply[] {
    this.core.dispatcher.execute(this.session, argv.map(String));
    return this.drain();
  }

  /** Replies (including pushes) that arrived without a command of ours. */
  drain(): ParsedReply[] {
    const bytes = this.link.out.take();
    if (bytes.length > 0) this.parser.feed(Buffer.concat(bytes));
    const out: ParsedReply[] = [];
    for (let r = this.parser.next(); r !== undefined; r = this.parser.next()) out.push(r);
    return out;
  }

  /** The raw bytes of the replies to one command, for byte-exact assertions. */
  raw(...argv: (string | number)[]): string {
    this.core.dispatcher.execute(this.session, argv.map(String));
    return this.link.out.takeLatin1();
  }

  get closed(): boolean {
    return this.link.closed;
  }

  close(): void {
    this.core.closeSession(this.session);
  }
}

let sharedDir: string | null = null;

/** A scratch directory per test process for files the server writes (SAVE, DEBUG RELOAD). */
function harnessDir(): string {
  sharedDir ??= mkdtempSync(join(tmpdir(), 'cinnabar-harness-'));
  return sharedDir;
}

export class Harness {
  readonly clock: FakeClock;
  readonly core: ServerCore;
  readonly keyspace: Keyspace;

  constructor(opts: HarnessOptions = {}) {
    this.clock = new FakeClock();
    const random = new SeededRandom(opts.seed ?? 1);
    const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
    const { core, keyspace } = assembleServer({
      clock: this.clock, random, log: silent, cwd: opts.dir ?? harnessDir(),
      info: { runId: '0'.repeat(40), startMs: this.clock.nowMs(), executable: '/usr/bin/cinnabar-server', configFile: '', port: 6379, pid: 1 },
      configure: (config) => {
        const pairs = Object.entries(opts.config ?? {});
        if (pairs.length) config.setMany(pairs, true);
      },
    });
    this.core = core;
    this.keyspace = keyspace;
    core.blocking.setTimer = (fn, ms) => {
      const t = { at: this.clock.nowMs() + ms, fn };
      this.timers.push(t);
      return () => {
        this.timers = this.timers.filter((x) => x !== t);
      };
    };
  }

  client(remoteAddress = '127.0.0.1:50000'): TestClient {
    const link = new TestLink(remoteAddress);
    const session = new ClientSession(this.core.clients.allocateId(), link, this.core);
    this.core.clients.add(session);
    return new TestClient(session, link, this.core);
  }

  /**
   * Record what reaches the AOF and replicas from now on, as the replication stream shows it:
   * each effect's argument vector, with SELECT where the database changes. The returned
   * array fills as commands run.
   */
  recordEffects(): string[][] {
    const out: string[][] = [];
    const stream = new CommandStreamEncoder();
    this.core.propagation.subscribe((batch) => out.push(...stream.vectors(batch)));
    return out;
  }

  /** Move the fake clock forward (and the LRU clock with it). */
  advance(ms: number): void {
    this.clock.advance(ms);
    this.keyspace.updateLruClock();
    const due = this.timers.filter((t) => t.at <= this.clock.nowMs()).sort((a, b) => a.at - b.at);
    this.timers = this.timers.filter((t) => !due.includes(t));
    for (const t of due) t.fn();
  }

  /** Timers (blocking-command deadlines) run by advance() on the fake clock. */
  private timers: { at: number; fn: () => void }[] = [];
}
