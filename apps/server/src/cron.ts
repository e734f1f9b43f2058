// serverCron: the periodic work driven by `hz` — LRU clock, active expiry, ops/sec
// sampling, idle-client timeouts.

import type { ServerCore } from '@cinnabar/command-kit';
import type { SessionService } from './service.js';

/** Share of each cron period the active expire cycle may use (Redis's slow cycle: 25%). */
const EXPIRE_TIME_SHARE = 0.25;

export class Cron {
  private timer: NodeJS.Timeout | null = null;
  private ticks = 0;

  constructor(
    private readonly core: ServerCore,
    private readonly service: SessionService,
    /** Persistence's periodic work (save points, scheduled saves, AOF rewrites). */
    private readonly persistenceCron: () => void = () => undefined,
  ) {}

  start(): void {
    this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private periodMs(): number {
    const hz = Math.min(500, Math.max(1, this.core.config.get<number>('hz')));
    return 1000 / hz;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.tick();
      this.schedule();
    }, this.periodMs());
    this.timer.unref();
  }

  private tick(): void {
    const core = this.core;
    const period = this.periodMs();
    core.keyspace.updateLruClock();
    core.keyspace.activeExpireCycle(period * EXPIRE_TIME_SHARE);
    this.ticks++;
    if (this.ticks % Math.max(1, Math.round(100 / period)) === 0) core.stats.sample(core.clock.nowMs());
    if (this.ticks % Math.max(1, Math.round(1000 / period)) === 0) this.closeIdleClients();
    this.persistenceCron();
  }

  private closeIdleClients(): void {
    const timeoutSec = this.core.config.get<number>('timeout');
    if (timeoutSec === 0) return;
    const now = this.core.clock.nowMs();
    for (const [session, conn] of this.service.sessions) {
      // Subscribers and blocked (or paused) clients are exempt, as in Redis.
      if (session.subscriptionCount > 0 || session.postponed !== null) continue;
      if (now - session.lastInteractionMs > timeoutSec * 1000) conn.close(false);
    }
  }
}
