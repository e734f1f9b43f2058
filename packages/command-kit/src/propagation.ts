// The one write path: every mutation that must reach the AOF and replicas leaves here as an
// effect — a command vector and the database it applies to — in the order it was applied.
// A command's own effects (its argv, or what the handler rewrote it to, plus expirations it
// caused) are delivered together once the outermost call ends, wrapped in MULTI/EXEC when
// there is more than one; effects outside any command (active expiry, eviction) go at once.

export interface Effect {
  /** Database the command applies to; consumers emit SELECT when it changes. */
  readonly db: number;
  readonly argv: readonly string[];
  /** Replicas only, not the AOF (PUBLISH, as Redis's forceCommandPropagation(REPL)). */
  readonly replOnly?: boolean;
}

/** Receives each batch of effects; a batch is atomic (one command, or MULTI … EXEC). */
export type EffectListener = (batch: readonly Effect[]) => void;

const MULTI: readonly string[] = ['MULTI'];
const EXEC: readonly string[] = ['EXEC'];

/** Per-call propagation decisions a handler can make about its own command. */
interface CallFrame {
  /** Replacement for the command's argv (Redis's rewriteClientCommandVector), or null. */
  rewrite: readonly string[] | null;
  /** The command itself must not be propagated (its effects went via also()). */
  prevented: boolean;
  /** Propagate even when nothing changed: to replicas and the AOF, or replicas only. */
  forced: 'all' | 'repl' | null;
}

export class Propagation {
  private readonly listeners: EffectListener[] = [];
  private pending: Effect[] = [];
  /** Call frames by nesting depth, reused: entering a command allocates nothing. */
  private readonly frames: CallFrame[] = [];
  private depth = 0;
  /** The outermost command touches arbitrary keys (SCAN, RANDOMKEY): its batch is not wrapped. */
  private noWrap = false;

  /** True when someone consumes effects; recording is skipped otherwise. */
  get enabled(): boolean {
    return this.listeners.length > 0;
  }

  /** Start receiving effects; returns the unsubscribe function. */
  subscribe(listener: EffectListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** True inside a command call. */
  get inCall(): boolean {
    return this.depth > 0;
  }

  private top(): CallFrame | undefined {
    return this.depth === 0 ? undefined : this.frames[this.depth - 1];
  }

  /**
   * Enter a command call (the dispatcher brackets every call). `touchesArbitraryKeys` on the
   * outermost call leaves its lazy expirations unwrapped, as Redis does for SCAN and RANDOMKEY.
   */
  enter(touchesArbitraryKeys = false): void {
    if (this.depth === 0) this.noWrap = touchesArbitraryKeys;
    const f = this.frames[this.depth];
    if (f === undefined) this.frames.push({ rewrite: null, prevented: false, forced: null });
    else {
      f.rewrite = null;
      f.prevented = false;
      f.forced = null;
    }
    this.depth++;
  }

  /**
   * Leave a command call: when it wrote (`dirty`), record its argv (or its rewrite) unless the
   * handler prevented that; at the outermost level, deliver everything recorded.
   */
  leave(db: number, argv: readonly string[], dirty: boolean): void {
    if (this.depth === 0) return;
    const frame = this.frames[--this.depth] as CallFrame;
    if ((dirty || frame.forced !== null) && !frame.prevented && this.enabled) {
      const effect: Effect = !dirty && frame.forced === 'repl'
        ? { db, argv: frame.rewrite ?? argv, replOnly: true }
        : { db, argv: frame.rewrite ?? argv };
      if (this.depth === 0 && this.pending.length === 0) {
        // The common case, one command's own effect: a batch of exactly one, built as such.
        this.deliver([effect]);
        return;
      }
      this.pending.push(effect);
    }
    if (this.depth === 0 && this.pending.length > 0) this.flush();
  }

  /** Propagate the current command as `argv` instead of what the client sent. */
  rewrite(argv: readonly string[]): void {
    const frame = this.top();
    if (frame !== undefined) frame.rewrite = argv;
  }

  /** Do not propagate the current command itself (its effects were recorded with also()). */
  prevent(): void {
    const frame = this.top();
    if (frame !== undefined) frame.prevented = true;
  }

  /**
   * Propagate the current command even if it changed nothing (Redis's forceCommandPropagation):
   * FLUSHALL/FLUSHDB to both, PUBLISH to replicas only.
   */
  force(target: 'all' | 'repl' = 'all'): void {
    const frame = this.top();
    if (frame !== undefined && frame.forced !== 'all') frame.forced = target;
  }

  /**
   * Record an extra effect now (Redis's alsoPropagate): inside a call it joins the call's
   * batch, outside it is delivered at once.
   */
  also(db: number, argv: readonly string[]): void {
    if (!this.enabled) return;
    this.pending.push({ db, argv });
    if (this.depth === 0) this.flush();
  }

  /** Deliver an effect at once as its own batch, never wrapped (evictions, as Redis's). */
  now(db: number, argv: readonly string[]): void {
    if (!this.enabled) return;
    const batch = [{ db, argv }];
    for (const l of this.listeners) l(batch);
  }

  private flush(): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    // MULTI goes to the first effect's database and EXEC to the last one's, so neither needs
    // a SELECT of its own (as Redis does).
    const first = batch[0] as Effect;
    const last = batch[batch.length - 1] as Effect;
    const out = batch.length > 1 && !this.noWrap ? [{ db: first.db, argv: MULTI }, ...batch, { db: last.db, argv: EXEC }] : batch;
    this.deliver(out);
  }

  private deliver(batch: readonly Effect[]): void {
    const listeners = this.listeners;
    for (let i = 0; i < listeners.length; i++) (listeners[i] as EffectListener)(batch);
  }
}
