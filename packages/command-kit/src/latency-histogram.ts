// A latency histogram with the bucketing of HdrHistogram at 2 significant figures (what
// Redis uses for latencystats): values in [2^(b+7), 2^(b+8)) share buckets of width 2^b,
// so percentiles and LATENCY HISTOGRAM's log-scale rows come out as Redis prints them.

/** Sub-buckets per power of two at 2 significant digits: 256, half of them per magnitude. */
const SUB_BITS = 8;

function bucketShift(v: number): number {
  // Bit length of v: clz32 for the common (< 2 s in ns) values, log2 beyond.
  const bits = v < 2147483648 ? 32 - Math.clz32(v) : Math.floor(Math.log2(v)) + 1;
  return Math.max(0, bits - SUB_BITS);
}

/** The smallest value that shares v's bucket. */
export function lowestEquivalent(v: number): number {
  const shift = bucketShift(v);
  return Math.floor(v / 2 ** shift) * 2 ** shift;
}

/** The largest value that shares v's bucket. */
export function highestEquivalent(v: number): number {
  return lowestEquivalent(v) + 2 ** bucketShift(v) - 1;
}

/** Values below this (ns) are counted in LatencyHistogram's array; bucket shifts 0..8. */
const SMALL = 1 << 16;
const SMALL_SLOTS = 9 * 256;

export class LatencyHistogram {
  /** lowest equivalent value → count */
  private readonly counts = new Map<number, number>();
  /**
   * Counts of values below SMALL (the common case, commands under 65 µs) by bucket index
   * shift * 256 + (v >> shift): a typed-array increment instead of two Map operations.
   */
  private small: Float64Array | null = null;
  total = 0;

  record(v: number): void {
    if (v < SMALL) {
      const shift = v < 256 ? 0 : 24 - Math.clz32(v);
      const small = this.small ?? (this.small = new Float64Array(SMALL_SLOTS));
      const i = (shift << 8) + (v >> shift);
      small[i] = (small[i] as number) + 1;
    } else {
      const k = lowestEquivalent(v);
      this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
    }
    this.total++;
  }

  private sorted(): [number, number][] {
    const out = [...this.counts];
    const small = this.small;
    if (small !== null) {
      for (let i = 0; i < SMALL_SLOTS; i++) if (small[i] !== 0) out.push([(i & 255) << (i >> 8), small[i] as number]);
    }
    return out.sort((a, b) => a[0] - b[0]);
  }

  /** hdr_value_at_percentile: the highest equivalent of the value at that rank. */
  valueAtPercentile(p: number): number {
    if (this.total === 0) return 0;
    const want = Math.max(1, Math.floor((Math.min(p, 100) / 100) * this.total + 0.5));
    let seen = 0;
    for (const [v, n] of this.sorted()) {
      seen += n;
      if (seen >= want) return highestEquivalent(v);
    }
    return 0;
  }

  /**
   * Cumulative counts at log2 steps from 1024 (LATENCY HISTOGRAM's histogram_usec):
   * [micros, cumulative] rows, only where the cumulative count grew.
   */
  logRows(): [number, number][] {
    const rows: [number, number][] = [];
    const sorted = this.sorted();
    let i = 0;
    let cumulative = 0;
    let previous = 0;
    for (let level = 1024; cumulative < this.total; level *= 2) {
      const limit = highestEquivalent(level);
      while (i < sorted.length && (sorted[i] as [number, number])[0] <= limit) cumulative += (sorted[i++] as [number, number])[1];
      if (cumulative > previous) rows.push([Math.floor(limit / 1000), cumulative]);
      previous = cumulative;
    }
    return rows;
  }
}
