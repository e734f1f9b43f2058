// The registry of connected sessions (ids, CLIENT LIST/KILL lookups, INFO clients) and
// CLIENT PAUSE: the pause per purpose, and the queue of clients whose request waits for
// it to end. The dispatcher asks mustPostpone(); the app arms a timer through onPauseSet.

import type { CommandDef } from './define-command.js';
import type { ClientSession } from './session.js';

/** Ordered by restrictiveness, as Redis's pause_type. */
export type PauseType = 'off' | 'write' | 'all';
/** Who paused: CLIENT PAUSE, a shutdown waiting for replicas, a failover, a MIGRATE in flight. */
export type PausePurpose = 'client' | 'shutdown' | 'failover' | 'migrate';

const RANK: Record<PauseType, number> = { off: 0, write: 1, all: 2 };

interface PauseEvent {
  type: PauseType;
  endMs: number;
}

export class ClientRegistry {
  private readonly byId = new Map<number, ClientSession>();
  private nextId = 1;
  private readonly pauses = new Map<PausePurpose, PauseEvent>();
  /** The most restrictive pause in force, and when it ends (ms). */
  pauseType: PauseType = 'off';
  pauseEndMs = 0;
  /** Clients whose request waits for the pause to end, in the order they were stopped. */
  private readonly postponedQueue = new Set<ClientSession>();
  /** Called with the end time whenever a pause is set, so the app can wake up then. */
  onPauseSet: (endMs: number) => void = () => undefined;
  /** Runs the resumption of postponed clients after the current command. */
  defer: (fn: () => void) => void = queueMicrotask;

  allocateId(): number {
    return this.nextId++;
  }

  add(c: ClientSession): void {
    this.byId.set(c.id, c);
  }

  remove(c: ClientSession): void {
    this.byId.delete(c.id);
    this.postponedQueue.delete(c);
  }

  get(id: number): ClientSession | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }

  all(): IterableIterator<ClientSession> {
    return this.byId.values();
  }

  /** Close a client now (CLIENT KILL): its socket, and its bookkeeping unless already done. */
  kill(target: ClientSession): void {
    target.link.close(false);
    if (this.byId.get(target.id) === target) {
      for (const fn of target.server.onSessionClose) fn(target);
    }
  }

  /** Clients whose request is held by a pause (counted as blocked in INFO). */
  get postponedCount(): number {
    return this.postponedQueue.size;
  }

  /** Pause for a purpose until endMs; a pause already set for it only grows (type and end). */
  pause(purpose: PausePurpose, endMs: number, type: PauseType, nowMs: number): void {
    const p = this.pauses.get(purpose);
    if (p === undefined) this.pauses.set(purpose, { type, endMs });
    else {
      if (RANK[type] > RANK[p.type]) p.type = type;
      p.endMs = Math.max(p.endMs, endMs);
    }
    this.updatePause(nowMs);
    if (this.pauseType !== 'off') this.onPauseSet(this.pauseEndMs);
  }

  unpause(purpose: PausePurpose, nowMs: number): void {
    if (!this.pauses.delete(purpose)) return;
    this.updatePause(nowMs);
  }

  /** End pauses whose time has come; true while clients are still paused. */
  checkPauseTimeout(nowMs: number): boolean {
    if (this.pauseType !== 'off' && this.pauseEndMs < nowMs) this.updatePause(nowMs);
    return this.pauseType !== 'off';
  }

  /**
   * Must this request wait? Everything does under a full pause; under a write pause, what
   * may write or propagate (EXEC counts its queue). MONITOR clients are never paused.
   */
  mustPostpone(c: ClientSession, def: CommandDef, nowMs: number): boolean {
    if (!this.checkPauseTimeout(nowMs) || c.monitor) return false;
    if (this.pauseType === 'all') return true;
    if (mayReplicate(def)) return true;
    return def.name === 'exec' && c.multi !== null && c.multi.some((q) => mayReplicate(q.def));
  }

  /** Hold the client and its request until the pause ends. */
  postpone(c: ClientSession, argv: string[]): void {
    // The dispatcher already consumed a pending CLIENT REPLY SKIP for this request; give
    // it back so the rerun consumes it again.
    if (c.replyMode === 'skip') c.replyMode = 'skipnext';
    c.postponed = argv;
    this.postponedQueue.add(c);
    c.link.hold?.();
  }

  /** Recompute the pause in force; when it got less restrictive, rerun postponed clients. */
  private updatePause(nowMs: number): void {
    const old = this.pauseType;
    let type: PauseType = 'off';
    for (const [purpose, p] of this.pauses) {
      if (p.endMs < nowMs) this.pauses.delete(purpose);
      else if (RANK[p.type] > RANK[type]) type = p.type;
    }
    let end = 0;
    for (const p of this.pauses.values()) if (p.type === type && p.endMs > end) end = p.endMs;
    this.pauseType = type;
    this.pauseEndMs = end;
    if (RANK[type] < RANK[old] && this.postponedQueue.size > 0) this.defer(() => this.resumePostponed());
  }

  /** Rerun each postponed request in order (it may be postponed again), then its input. */
  private resumePostponed(): void {
    const queue = [...this.postponedQueue];
    this.postponedQueue.clear();
    for (const c of queue) {
      const argv = c.postponed;
      if (argv === null || this.byId.get(c.id) !== c) continue;
      c.postponed = null;
      c.server.dispatcher.execute(c, argv);
      if (c.postponed === null) c.link.release?.();
    }
  }
}

function mayReplicate(def: CommandDef): boolean {
  return def.flagSet.has('write') || def.flagSet.has('may_replicate');
}
