// Injected time: packages read time only through a Clock so tests can drive it.

import { performance } from 'node:perf_hooks';

const SETTLED = Promise.resolve();

export interface Clock {
  /** Wall-clock milliseconds since the Unix epoch. */
  nowMs(): number;
  /** Wall-clock microseconds since the Unix epoch (TIME, slowlog). */
  nowUs(): number;
  /** Monotonic milliseconds, for durations. */
  monotonicMs(): number;
  /** Forget any cached reading (after a deliberate stall such as DEBUG SLEEP). */
  refresh(): void;
}

export const systemClock: Clock = {
  nowMs: () => Date.now(),
  nowUs: () => Math.floor((performance.timeOrigin + performance.now()) * 1000),
  monotonicMs: () => performance.now(),
  refresh: () => undefined,
};

/**
 * Wall-clock time read once per synchronous run of work: the first read caches Date.now()
 * and a microtask clears it, so a batch of pipelined commands shares one reading, as Redis
 * shares its cached mstime across a command. Date.now() costs ~50 ns here; a batch of 16
 * GETs would otherwise read it dozens of times.
 */
export class CachedClock implements Clock {
  private ms = 0;
  private valid = false;
  private readonly invalidate = (): void => {
    this.valid = false;
  };

  nowMs(): number {
    if (!this.valid) {
      this.ms = Date.now();
      this.valid = true;
      // A reaction on a settled promise: cheaper than queueMicrotask, which Node wraps in an
      // AsyncResource and a bound function.
      SETTLED.then(this.invalidate);
    }
    return this.ms;
  }
  nowUs(): number {
    return systemClock.nowUs();
  }
  monotonicMs(): number {
    return performance.now();
  }
  refresh(): void {
    this.valid = false;
  }
}

/** A clock that moves only when told to. */
export class FakeClock implements Clock {
  private ms: number;
  private mono = 0;
  constructor(startMs = 1_700_000_000_000) {
    this.ms = startMs;
  }
  nowMs(): number {
    return this.ms;
  }
  nowUs(): number {
    return this.ms * 1000;
  }
  monotonicMs(): number {
    return this.mono;
  }
  refresh(): void {
    /* nothing cached */
  }
  advance(ms: number): void {
    this.ms += ms;
    this.mono += ms;
  }
}
