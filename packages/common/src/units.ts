// Memory units as redis.conf writes them: 1k = 1000, 1kb = 1024, up to g/gb.

const UNITS: Record<string, number> = {
  '': 1, b: 1, k: 1000, kb: 1024, m: 1000 ** 2, mb: 1024 ** 2, g: 1000 ** 3, gb: 1024 ** 3,
};

/** Parse "100mb"-style sizes; null if malformed. */
export function parseMemory(text: string): number | null {
  const m = /^(-?\d+)([a-z]*)$/i.exec(text);
  if (!m) return null;
  const unit = UNITS[(m[2] ?? '').toLowerCase()];
  if (unit === undefined) return null;
  return Number(m[1]) * unit;
}

/** Bytes as INFO's *_human fields print them: 1.50K, 2.00M. */
export function formatBytesHuman(n: number): string {
  if (n < 1024) return `${n}B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(2)}K`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(2)}M`;
  if (n < 1024 ** 4) return `${(n / 1024 ** 3).toFixed(2)}G`;
  return `${(n / 1024 ** 4).toFixed(2)}T`;
}
