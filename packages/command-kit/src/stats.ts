// Server-wide counters behind INFO stats, commandstats, errorstats and latencystats, and
// the per-command latency histograms behind LATENCY HISTOGRAM.

import { LatencyHistogram } from './latency-histogram.js';

export interface CommandStat {
  calls: number;
  usec: number;
  rejectedCalls: number;
  failedCalls: number;
}

export class ServerStats {
  totalCommands = 0;
  totalConnections = 0;
  rejectedConnections = 0;
  netInputBytes = 0;
  netOutputBytes = 0;
  totalErrorReplies = 0;
  unexpectedErrorReplies = 0;
  /** Highest used_memory seen (INFO memory used_memory_peak). */
  peakMemory = 0;
  readonly commands = new Map<string, CommandStat>();
  readonly errors = new Map<string, number>();
  /** Per-command duration histograms, by full command name ('config|get'). */
  readonly latency = new Map<string, LatencyHistogram>();
  /** Instantaneous ops/sec: samples of totalCommands taken by the cron. */
  private samples: [number, number][] = [];
  /** command() and the latency histograms by CommandDef.id, so a call costs no Map lookup. */
  private byId: (CommandStat | undefined)[] = [];
  private latencyById: (LatencyHistogram | undefined)[] = [];

  command(name: string): CommandStat {
    let s = this.commands.get(name);
    if (s === undefined) {
      s = { calls: 0, usec: 0, rejectedCalls: 0, failedCalls: 0 };
      this.commands.set(name, s);
    }
    return s;
  }

  /** command(name) for the definition numbered `id` (CommandDef.id), cached. */
  commandOf(id: number, name: string): CommandStat {
    const s = this.byId[id];
    if (s !== undefined) return s;
    return slot(this.byId, id, this.command(name));
  }

  /** Record one execution's duration for latencystats (Redis records it in ns, from µs). */
  recordLatency(name: string, usec: number): void {
    this.histogram(name).record(Math.max(1, usec * 1000));
  }

  /** recordLatency for the definition numbered `id`, with its histogram cached. */
  recordLatencyOf(id: number, name: string, usec: number): void {
    const h = this.latencyById[id] ?? slot(this.latencyById, id, this.histogram(name));
    h.record(Math.max(1, usec * 1000));
  }

  private histogram(name: string): LatencyHistogram {
    let h = this.latency.get(name);
    if (h === undefined) {
      h = new LatencyHistogram();
      this.latency.set(name, h);
    }
    return h;
  }

  error(code: string): void {
    this.totalErrorReplies++;
    // Redis caps the number of distinct error codes it tracks at 128.
    if (!this.errors.has(code) && this.errors.size >= 128) return;
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
  }

  sample(nowMs: number): void {
    this.samples.push([nowMs, this.totalCommands]);
    if (this.samples.length > 16) this.samples.shift();
  }

  opsPerSec(): number {
    if (this.samples.length < 2) return 0;
    const [t0, c0] = this.samples[0] as [number, number];
    const [t1, c1] = this.samples[this.samples.length - 1] as [number, number];
    return t1 > t0 ? Math.round(((c1 - c0) * 1000) / (t1 - t0)) : 0;
  }

  /** CONFIG RESETSTAT: counters, command, error and latency stats back to zero. */
  reset(): void {
    this.totalCommands = 0;
    this.totalConnections = 0;
    this.rejectedConnections = 0;
    this.netInputBytes = 0;
    this.netOutputBytes = 0;
    this.totalErrorReplies = 0;
    this.unexpectedErrorReplies = 0;
    this.peakMemory = 0;
    this.commands.clear();
    this.errors.clear();
    this.latency.clear();
    this.byId = [];
    this.latencyById = [];
    this.samples = [];
  }
}

/** Store v at arr[id], filling the gap so the array stays packed (fast elements). */
function slot<T>(arr: (T | undefined)[], id: number, v: T): T {
  while (arr.length <= id) arr.push(undefined);
  arr[id] = v;
  return v;
}
