// The longest event-loop stall while a background job runs. Redis's BGSAVE stalls its loop
// once, for the fork (latency event "fork"); Cinnabar's save runs in slices on the loop itself,
// so its equivalent is the longest the loop went unserved while the save ran — the slices, the
// requests answered between them and any GC pause, together. Measured by a 1 ms libuv timer
// (perf_hooks.monitorEventLoopDelay), which records the interval between its fires: a stall of
// X ms shows as an interval of X to X + 1 ms, so the figure errs on the long side.

import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

/** The latency-monitor event a finished BGSAVE records its longest stall under. */
export const BGSAVE_STALL_EVENT = 'bgsave-event-loop';

export class LoopStallMeter {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 1 });

  constructor() {
    this.histogram.enable();
  }

  /** Stop measuring; the longest delay seen, in milliseconds (0 when none was recorded). */
  stop(): number {
    this.histogram.disable();
    return this.histogram.count === 0 ? 0 : this.histogram.max / 1e6;
  }
}
