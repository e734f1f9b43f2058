// The bench tools' summaries of repeated runs.

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * The median of a[k] ÷ b[k] over runs made back to back: a slow spell of the machine that
 * weighs on both runs of a pair cancels out of that pair's ratio, which the ratio of the two
 * medians does not do when the spells fall unevenly.
 */
export function pairedRatio(a, b) {
  if (a.length !== b.length || a.length === 0) throw new Error('pairedRatio needs two lists of the same, non-zero length');
  return median(a.map((x, k) => x / b[k]));
}
