// The partial quicksort SORT uses for BY with LIMIT: Bentley and McIlroy's three-way
// quicksort ("Engineering a Sort Function", 1993) that skips any partition lying wholly
// outside the wanted ranks. It is unstable, and equal items land where Redis puts them only
// if every swap is the same, so the pivot choice and the partition steps follow the published algorithm step by step.

type Compare<T> = (a: T, b: T) => number;

/** Sort v in place so that ranks lo..hi hold what a full sort would put there. */
export function partialSort<T>(v: T[], cmp: Compare<T>, lo: number, hi: number): void {
  sortRange(v, cmp, 0, v.length, lo, hi);
}

function swap<T>(v: T[], i: number, j: number): void {
  const t = v[i] as T;
  v[i] = v[j] as T;
  v[j] = t;
}

/** Exchange the n items from i with the n items from j. */
function swapBlocks<T>(v: T[], i: number, j: number, n: number): void {
  for (let k = 0; k < n; k++) swap(v, i + k, j + k);
}

/** The index of the median of three items. */
function median<T>(v: T[], cmp: Compare<T>, a: number, b: number, c: number): number {
  const [x, y, z] = [v[a] as T, v[b] as T, v[c] as T];
  if (cmp(x, y) < 0) return cmp(y, z) < 0 ? b : cmp(x, z) < 0 ? c : a;
  return cmp(y, z) > 0 ? b : cmp(x, z) < 0 ? a : c;
}

/** True when the items base..last lie wholly before or wholly after the wanted ranks. */
function outside(base: number, last: number, lo: number, hi: number): boolean {
  return (lo < base && hi < base) || (lo > last && hi > last);
}

function sortRange<T>(v: T[], cmp: Compare<T>, base: number, n: number, lo: number, hi: number): void {
  for (;;) {
    // 1. Small runs: insertion sort.
    if (n < 7) {
      for (let m = base + 1; m < base + n; m++) {
        for (let l = m; l > base && cmp(v[l - 1] as T, v[l] as T) > 0; l--) swap(v, l, l - 1);
      }
      return;
    }
    // 2. Pivot: the middle item, the median of three above 7 items, of three medians above 40.
    let pm = base + Math.floor(n / 2);
    if (n > 7) {
      let pl = base;
      let pn = base + n - 1;
      if (n > 40) {
        const d = Math.floor(n / 8);
        pl = median(v, cmp, pl, pl + d, pl + 2 * d);
        pm = median(v, cmp, pm - d, pm, pm + d);
        pn = median(v, cmp, pn - 2 * d, pn - d, pn);
      }
      pm = median(v, cmp, pl, pm, pn);
    }
    swap(v, base, pm);
    // 3. Partition: items equal to the pivot gather at both ends, smaller and larger between.
    let pa = base + 1;
    let pb = pa;
    let pc = base + n - 1;
    let pd = pc;
    for (;;) {
      let r: number;
      while (pb <= pc && (r = cmp(v[pb] as T, v[base] as T)) <= 0) {
        if (r === 0) swap(v, pa++, pb);
        pb++;
      }
      while (pb <= pc && (r = cmp(v[pc] as T, v[base] as T)) >= 0) {
        if (r === 0) swap(v, pc, pd--);
        pc--;
      }
      if (pb > pc) break;
      swap(v, pb++, pc--);
    }
    // 4. Move the equal items to the middle.
    const end = base + n;
    let r = Math.min(pa - base, pb - pa);
    swapBlocks(v, base, pb - r, r);
    r = Math.min(pd - pc, end - pd - 1);
    swapBlocks(v, pb, end - r, r);
    // 5. Recurse into the smaller-than part, loop on the larger-than part, if they matter.
    r = pb - pa;
    if (r > 1 && !outside(base, base + r - 1, lo, hi)) sortRange(v, cmp, base, r, lo, hi);
    r = pd - pc;
    if (r <= 1) return;
    base = end - r;
    n = r;
    if (outside(base, base + r - 1, lo, hi)) return;
  }
}
