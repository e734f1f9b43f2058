// Injected time: packages read time only through a Clock so tests can drive it.

export interface Clock {
  /** Wall-clock milliseconds since the Unix epoch. */
  nowMs(): number;
  /** Wall-clock microseconds since the Unix epoch (TIME, slowlog). */
  nowUs(): number;
  /** Monotonic milliseconds, for durations. */
  monotonicMs(): number;
}

export const systemClock: Clock = {
  nowMs: () => Date.now(),
  nowUs: () => Math.floor((performance.timeOrigin + performance.now()) * 1000),
  monotonicMs: () => performance.now(),
};

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
  advance(ms: number): void {
    this.ms += ms;
    this.mono += ms;
  }
}
