// Redis's LFU access counter, kept (as Redis does) in the entry's lru field while an LFU
// maxmemory policy is active: 16 bits of minutes since the last decrement, 8 bits of a
// logarithmic counter that starts at 5, grows with probability 1/((c-5)·factor+1) and
// loses one per `decayTime` idle minutes.

export interface LfuSettings {
  /** lfu-log-factor */
  logFactor: number;
  /** lfu-decay-time, in minutes; 0 never decays. */
  decayTime: number;
}

export const LFU_INIT_VAL = 5;

export function lfuMinutes(nowMs: number): number {
  return Math.floor(nowMs / 60000) & 0xffff;
}

/** The counter after decay for the minutes elapsed since the stamp (LFUDecrAndReturn). */
export function lfuDecayed(stamp: number, settings: LfuSettings, nowMs: number): number {
  const ldt = stamp >>> 8;
  const counter = stamp & 0xff;
  const now = lfuMinutes(nowMs);
  const elapsed = now >= ldt ? now - ldt : 0xffff - ldt + now;
  const periods = settings.decayTime > 0 ? Math.floor(elapsed / settings.decayTime) : 0;
  return periods > counter ? 0 : counter - periods;
}

/** The new stamp for an access: decay, then a probabilistic increment (updateLFU). */
export function lfuTouched(stamp: number, settings: LfuSettings, nowMs: number, random: () => number): number {
  let counter = lfuDecayed(stamp, settings, nowMs);
  if (counter < 255) {
    const base = Math.max(0, counter - LFU_INIT_VAL);
    if (random() < 1 / (base * settings.logFactor + 1)) counter++;
  }
  return (lfuMinutes(nowMs) << 8) | counter;
}
