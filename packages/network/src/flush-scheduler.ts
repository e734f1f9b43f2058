// Replies leave at the end of the event-loop turn, every client's together, as Redis writes
// them in beforeSleep: a burst of writes finds the peers already awake for most of them, and
// an `appendfsync always` server fsyncs once per turn instead of once per client.

/** Something with output to write when the turn ends. */
export interface Flushable {
  flush(): void;
}

export class FlushScheduler {
  private pending: Flushable[] = [];
  private tasks: (() => void)[] = [];
  private scheduled = false;

  /** Write `c`'s output once the reads of this turn are done (the caller dedupes). */
  add(c: Flushable): void {
    this.pending.push(c);
    this.schedule();
  }

  /**
   * Run a slice of background work (a BGSAVE or AOF rewrite step) in the same place, after the
   * replies: a client read during the previous slice is answered before the next one starts,
   * so it waits at most one slice instead of two.
   */
  afterReplies(task: () => void): void {
    this.tasks.push(task);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.run);
  }

  private readonly run = (): void => {
    this.scheduled = false;
    const list = this.pending;
    this.pending = [];
    for (const c of list) c.flush();
    const tasks = this.tasks;
    if (tasks.length === 0) return;
    this.tasks = [];
    for (const t of tasks) t();
  };
}
