// LATENCY monitor: per-event latest spikes above latency-monitor-threshold ms,
// with a 160-sample history per event, as Redis keeps it.

export interface LatencySample {
  timeSec: number;
  latencyMs: number;
}

export interface LatencyEvent {
  samples: LatencySample[];
  maxMs: number;
}

const HISTORY = 160;

export class LatencyMonitor {
  readonly events = new Map<string, LatencyEvent>();

  /** latencyAddSampleIfNeeded: record only when monitoring is on and the threshold is reached. */
  addIfNeeded(event: string, latencyMs: number, thresholdMs: number, timeSec: number): void {
    if (thresholdMs > 0 && latencyMs >= thresholdMs) this.add(event, latencyMs, timeSec);
  }

  add(event: string, latencyMs: number, timeSec: number): void {
    let e = this.events.get(event);
    if (e === undefined) {
      e = { samples: [], maxMs: 0 };
      this.events.set(event, e);
    }
    const last = e.samples[e.samples.length - 1];
    if (last && last.timeSec === timeSec) last.latencyMs = Math.max(last.latencyMs, latencyMs);
    else e.samples.push({ timeSec, latencyMs });
    if (e.samples.length > HISTORY) e.samples.shift();
    e.maxMs = Math.max(e.maxMs, latencyMs);
  }

  reset(names: readonly string[]): number {
    if (names.length === 0) {
      const n = this.events.size;
      this.events.clear();
      return n;
    }
    let n = 0;
    for (const name of names) if (this.events.delete(name)) n++;
    return n;
  }
}
