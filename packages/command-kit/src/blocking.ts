// Clients blocked on keys (BLPOP, BLMOVE, BZPOPMIN, XREAD BLOCK…): the async contract for
// blocking commands. A handler that finds nothing to serve calls block() with a retry
// function and returns no reply; the connection stops reading. Any change to a watched key
// marks it ready; after the command that changed it, ready keys are served first-come
// first-served by re-running each client's retry. A timeout (or CLIENT UNBLOCK) answers
// with the command's timeout reply. Inside MULTI/EXEC a blocking command never blocks.

import { longDoubleSecondsToMillis, parseInt64, RedisError } from '@cinnabar/common';
import { type Reply, reply } from '@cinnabar/resp';
import { setLongTimer } from './long-timer.js';
import type { ClientSession } from './session.js';

export interface BlockRequest {
  /** Keys (in the client's selected database) whose change may let the command proceed. */
  keys: readonly string[];
  /** Absolute deadline in unix ms; 0 blocks forever. */
  deadlineMs: number;
  /**
   * Try again: a Reply when the command could now run, undefined to keep waiting. `readyKey`
   * is the key whose change prompted the retry: Redis serves a client blocked on several
   * keys from the key made ready, not from the first of its keys that has data.
   */
  retry(readyKey: string): Reply | undefined;
  /** The reply when the deadline passes or CLIENT UNBLOCK … TIMEOUT. */
  timeoutReply(): Reply;
}

interface Blocked {
  req: BlockRequest;
  /** The blocked command as sent, propagated when a retry writes and does not rewrite it. */
  argv: readonly string[];
  slots: string[];
  /** Cancels the deadline timer; null when blocking forever. */
  cancel: (() => void) | null;
}

function slot(db: number, key: string): string {
  return `${db}\0${key}`;
}

export class BlockingRegistry {
  private readonly byKey = new Map<string, Set<ClientSession>>();
  private readonly blocked = new Map<ClientSession, Blocked>();
  private readonly ready = new Set<string>();
  private serving = false;
  /** Schedules a deadline and returns its cancel function; tests swap in a fake clock's. */
  setTimer: (fn: () => void, ms: number) => () => void = setLongTimer;
  nowMs: () => number = Date.now;
  /** Accounts for a late reply (error stats, failed calls), as the dispatcher does for others. */
  onServed: (c: ClientSession, r: Reply) => void = () => undefined;
  /** Runs a retry as a command call (propagation of what it writes); the server core sets it. */
  runRetry: (c: ClientSession, argv: readonly string[], retry: () => Reply | undefined) => Reply | undefined =
    (_c, _argv, retry) => retry();

  get count(): number {
    return this.blocked.size;
  }

  isBlocked(c: ClientSession): boolean {
    return this.blocked.has(c);
  }

  /**
   * Block the client, or — inside EXEC, where nothing may wait — answer the timeout reply
   * at once, as Redis runs blocking commands there in their non-blocking form.
   */
  block(c: ClientSession, req: BlockRequest): Reply | undefined {
    if (c.inExec) return req.timeoutReply();
    const slots = req.keys.map((k) => slot(c.db.id, k));
    for (const s of slots) {
      let set = this.byKey.get(s);
      if (set === undefined) this.byKey.set(s, (set = new Set()));
      set.add(c);
    }
    const cancel = req.deadlineMs > 0 ? this.setTimer(() => this.expire(c), Math.max(0, req.deadlineMs - this.nowMs())) : null;
    this.blocked.set(c, { req, argv: c.argv, slots, cancel });
    c.link.hold?.();
    return undefined;
  }

  /** Storage reported a change: if anyone waits on the key, it is ready to be retried. */
  keyModified(db: number, key: string): void {
    if (this.byKey.size === 0) return;
    const s = slot(db, key);
    if (this.byKey.has(s)) this.ready.add(s);
  }

  /** SWAPDB / FLUSHALL: every waited-on key of those databases may have changed. */
  dbChanged(dbs: readonly number[]): void {
    for (const s of this.byKey.keys()) {
      const db = Number(s.slice(0, s.indexOf('\0')));
      if (dbs.includes(db) || dbs.includes(-1)) this.ready.add(s);
    }
  }

  /**
   * Serve clients waiting on ready keys, oldest first per key. Serving one may change other
   * keys (BLMOVE pushes), which become ready in turn; the loop runs until nothing is ready.
   */
  serveReady(): void {
    if (this.ready.size === 0 || this.serving) return;
    this.serving = true;
    try {
      while (this.ready.size > 0) {
        const s = this.ready.values().next().value as string;
        this.ready.delete(s);
        const waiting = this.byKey.get(s);
        if (waiting === undefined) continue;
        const key = s.slice(s.indexOf('\0') + 1);
        for (const c of [...waiting]) {
          const b = this.blocked.get(c);
          if (b === undefined) continue;
          let r: Reply | undefined;
          try {
            r = this.runRetry(c, b.argv, () => b.req.retry(key));
          } catch (e) {
            r = reply.error(e instanceof RedisError ? e.message : String(e));
          }
          if (r !== undefined) this.finish(c, r);
        }
      }
    } finally {
      this.serving = false;
    }
  }

  /** CLIENT UNBLOCK: answer with the timeout reply or Redis's UNBLOCKED error. False if not blocked. */
  unblock(c: ClientSession, withError: boolean): boolean {
    const b = this.blocked.get(c);
    if (b === undefined) return false;
    this.finish(c, withError ? reply.error('UNBLOCKED client unblocked via CLIENT UNBLOCK') : b.req.timeoutReply());
    return true;
  }

  /** A closing client stops waiting silently. */
  drop(c: ClientSession): void {
    this.detach(c);
  }

  private expire(c: ClientSession): void {
    const b = this.blocked.get(c);
    if (b !== undefined) this.finish(c, b.req.timeoutReply());
  }

  private finish(c: ClientSession, r: Reply): void {
    this.detach(c);
    this.onServed(c, r);
    c.reply(r);
    c.link.release?.();
  }

  private detach(c: ClientSession): void {
    const b = this.blocked.get(c);
    if (b === undefined) return;
    this.blocked.delete(c);
    b.cancel?.();
    for (const s of b.slots) {
      const set = this.byKey.get(s);
      if (set === undefined) continue;
      set.delete(c);
      if (set.size === 0) this.byKey.delete(s);
    }
  }
}

/**
 * A blocking command's timeout argument → absolute unix ms (0 = forever): seconds as a
 * float for BLPOP and friends, integer milliseconds for XREAD/XREADGROUP BLOCK.
 */
export function parseBlockTimeout(text: string, nowMs: number, unit: 'seconds' | 'ms' = 'seconds'): number {
  let ms: number;
  if (unit === 'seconds') {
    // Redis computes this on long doubles; see longDoubleSecondsToMillis for where it shows.
    const t = longDoubleSecondsToMillis(text);
    if (t === null) throw new RedisError('ERR timeout is not a float or out of range');
    ms = t;
  } else {
    const t = parseInt64(text);
    if (t === null || typeof t === 'bigint') throw new RedisError('ERR timeout is not an integer or out of range');
    ms = t;
  }
  if (ms < 0) throw new RedisError('ERR timeout is negative');
  return ms === 0 ? 0 : nowMs + ms;
}
