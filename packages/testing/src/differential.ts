// Differential testing: the same script of commands over raw TCP against a real redis-server
// 7.0.15 and a Cinnabar side by side, reply bytes compared exactly (errors included). Scripts
// name connections, so pub/sub and protocol-error cases fit in one list.

import { type ManagedProcess, type ServerOptions, startRedis, startTarget, stopAll } from './processes.js';
import { RawConnection } from './raw-connection.js';

export interface StepSpec {
  /** The command to send as a multibulk request. */
  argv?: readonly string[];
  /** Bytes (latin1) to send verbatim instead, e.g. an inline or malformed request. */
  raw?: string;
  /** Which connection; each name is opened on first use. Default 'main'. */
  on?: string;
  /** Replies to read; default 1 per command (one per channel for (P)(UN)SUBSCRIBE), 0 without a request. */
  replies?: number;
  /** After reading, record whether the server closed the connection. */
  expectClose?: boolean;
  /** Wait this long before sending (for expiry). */
  sleepMs?: number;
}

/** A bare argv array is a command on the main connection expecting one reply. */
export type Step = readonly string[] | StepSpec;

export interface StepResult {
  label: string;
  bytes: string;
}

/**
 * A rewrite applied to both sides' bytes before comparing (for values that differ by nature);
 * with a third element, only to the steps of that named connection.
 */
export type Mask = readonly [RegExp, string, string?];

export interface ScriptOptions {
  masks?: readonly Mask[];
  replyTimeoutMs?: number;
}

/** The client id in a HELLO reply depends on how many connections a server has seen. */
export const MASK_CLIENT_ID: [RegExp, string] = [/(\$2\r\nid\r\n:)\d+/g, '$1<id>'];

const SUBSCRIBE_FAMILY = new Set(['subscribe', 'psubscribe', 'ssubscribe', 'unsubscribe', 'punsubscribe', 'sunsubscribe']);

function spec(step: Step): StepSpec {
  return Array.isArray(step) ? { argv: step as readonly string[] } : (step as StepSpec);
}

function expectedReplies(s: StepSpec): number {
  if (s.replies !== undefined) return s.replies;
  if (s.argv === undefined) return s.raw === undefined ? 0 : 1;
  const name = (s.argv[0] ?? '').toLowerCase();
  if (SUBSCRIBE_FAMILY.has(name)) return Math.max(1, s.argv.length - 1);
  return 1;
}

export function stepLabel(step: Step): string {
  const s = spec(step);
  const what = s.argv !== undefined ? JSON.stringify(s.argv) : s.raw !== undefined ? `raw ${JSON.stringify(s.raw)}` : `read ${expectedReplies(s)}`;
  return s.on && s.on !== 'main' ? `[${s.on}] ${what}` : what;
}

const sleep = (ms: number): Promise<void> => new Promise((ok) => setTimeout(ok, ms));

/**
 * Run a script on fresh connections to one server; one result per step, its replies' bytes
 * concatenated, with `<timeout>`, `<closed>` / `<open>` markers, and a final entry per
 * connection that received bytes no step read.
 */
export async function runScript(port: number, steps: readonly Step[], opts: ScriptOptions = {}): Promise<StepResult[]> {
  const conns = new Map<string, RawConnection>();
  const results: StepResult[] = [];
  try {
    for (const step of steps) {
      const s = spec(step);
      const name = s.on ?? 'main';
      let conn = conns.get(name);
      if (conn === undefined) {
        conn = await RawConnection.connect(port);
        conns.set(name, conn);
      }
      if (s.sleepMs) await sleep(s.sleepMs);
      if (s.argv !== undefined) conn.send(s.argv);
      else if (s.raw !== undefined) conn.write(s.raw);
      const { frames, timedOut } = await conn.read(expectedReplies(s), opts.replyTimeoutMs ?? 2_000);
      let bytes = frames.join('') + (timedOut ? '<timeout>' : '');
      if (s.expectClose) bytes += (await conn.waitForClose(1_000)) ? '<closed>' : '<open>';
      results.push({ label: stepLabel(step), bytes });
    }
    await sleep(30);
    for (const [name, conn] of conns) {
      const rest = conn.pending();
      if (rest !== '') results.push({ label: `(unread bytes on ${name})`, bytes: rest });
    }
  } finally {
    for (const c of conns.values()) c.close();
  }
  if (opts.masks) {
    for (const r of results) {
      for (const [re, to, on] of opts.masks) {
        if (on === undefined || r.label.startsWith(`[${on}] `)) r.bytes = r.bytes.replace(re, to);
      }
    }
  }
  return results;
}

/** A readable report of every step whose bytes differ; '' when the runs agree. */
export function compareRuns(expected: readonly StepResult[], actual: readonly StepResult[]): string {
  const lines: string[] = [];
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e?.bytes === a?.bytes && e?.label === a?.label) continue;
    lines.push(`step ${i + 1}: ${e?.label ?? a?.label}`);
    lines.push(`  redis:    ${e ? JSON.stringify(e.bytes) : '(no step)'}`);
    lines.push(`  cinnabar: ${a ? JSON.stringify(a.bytes) : '(no step)'}`);
  }
  return lines.join('\n');
}

/** A redis-server and a Cinnabar started side by side with the same directives. */
export class DifferentialPair {
  private constructor(readonly redis: ManagedProcess, readonly cinnabar: ManagedProcess) {}

  static async start(opts: ServerOptions = {}): Promise<DifferentialPair> {
    const [redis, cinnabar] = await Promise.allSettled([startRedis(opts), startTarget(opts)]);
    if (redis.status === 'rejected' || cinnabar.status === 'rejected') {
      await stopAll(redis.status === 'fulfilled' ? redis.value : null, cinnabar.status === 'fulfilled' ? cinnabar.value : null);
      throw redis.status === 'rejected' ? redis.reason : (cinnabar as PromiseRejectedResult).reason;
    }
    return new DifferentialPair(redis.value, cinnabar.value);
  }

  /** Run the script on both servers at once; returns the mismatch report ('' when equal). */
  async compare(steps: readonly Step[], opts: ScriptOptions = {}): Promise<string> {
    const [expected, actual] = await Promise.all([
      runScript(this.redis.port, steps, opts),
      runScript(this.cinnabar.port, steps, opts),
    ]);
    return compareRuns(expected, actual);
  }

  stop(): Promise<void> {
    return stopAll(this.redis, this.cinnabar);
  }
}

/** The hooks of the test runner (vitest's beforeAll/afterAll), passed in so this package needs none. */
export interface SuiteHooks {
  beforeAll(fn: () => Promise<void>): void;
  afterAll(fn: () => Promise<void>): void;
}

export interface DifferentialSuite {
  /** The running pair (after beforeAll). */
  pair(): DifferentialPair;
  /** Run `steps` on both servers; throws the mismatch report when any reply's bytes differ. */
  same(steps: readonly Step[], masks?: readonly Mask[]): Promise<void>;
}

/**
 * One pair for a test file: started before its tests, stopped after them. Every comparison
 * masks the client id of HELLO replies and adds `masks`; `script` sets the other options.
 */
export function differentialSuite(hooks: SuiteHooks, server: ServerOptions = {}, script: ScriptOptions = {}): DifferentialSuite {
  let pair: DifferentialPair | null = null;
  hooks.beforeAll(async () => {
    pair = await DifferentialPair.start(server);
  });
  hooks.afterAll(async () => {
    await pair?.stop();
  });
  const running = (): DifferentialPair => {
    if (pair === null) throw new Error('differentialSuite: the pair has not started');
    return pair;
  };
  return {
    pair: running,
    async same(steps, masks = []) {
      const report = await running().compare(steps, { ...script, masks: [MASK_CLIENT_ID, ...(script.masks ?? []), ...masks] });
      if (report !== '') throw new Error(`replies differ from redis-server:\n${report}`);
    },
  };
}
