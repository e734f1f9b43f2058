// Redis's pqsort (Bentley & McIlroy quicksort that only recurses into partitions meeting the
// ranks lrange..rrange). GEO COUNT uses it, so the order of equal distances must follow it.

type Cmp<T> = (a: T, b: T) => number;

export function pqsort<T>(arr: T[], cmp: Cmp<T>, lrange: number, rrange: number): void {
  sortRange(arr, 0, arr.length, cmp, lrange, rrange);
}

function swap<T>(arr: T[], i: number, j: number): void {
  const t = arr[i] as T;
  arr[i] = arr[j] as T;
  arr[j] = t;
}

function vecswap<T>(arr: T[], i: number, j: number, n: number): void {
  for (let k = 0; k < n; k++) swap(arr, i + k, j + k);
}

function med3<T>(arr: T[], a: number, b: number, c: number, cmp: Cmp<T>): number {
  const x = arr[a] as T;
  const y = arr[b] as T;
  const z = arr[c] as T;
  return cmp(x, y) < 0 ? (cmp(y, z) < 0 ? b : cmp(x, z) < 0 ? c : a) : cmp(y, z) > 0 ? b : cmp(x, z) < 0 ? a : c;
}

/** Sort arr[a, a+n) far enough that ranks lrange..rrange hold their final elements. */
function sortRange<T>(arr: T[], a: number, n: number, cmp: Cmp<T>, lrange: number, rrange: number): void {
  for (;;) {
    if (n < 7) {
      for (let pm = a + 1; pm < a + n; pm++) {
        for (let pl = pm; pl > a && cmp(arr[pl - 1] as T, arr[pl] as T) > 0; pl--) swap(arr, pl, pl - 1);
      }
      return;
    }
    let pm = a + Math.floor(n / 2);
    if (n > 7) {
      let pl = a;
      let pn = a + n - 1;
      if (n > 40) {
        const d = Math.floor(n / 8);
        pl = med3(arr, pl, pl + d, pl + 2 * d, cmp);
        pm = med3(arr, pm - d, pm, pm + d, cmp);
        pn = med3(arr, pn - 2 * d, pn - d, pn, cmp);
      }
      pm = med3(arr, pl, pm, pn, cmp);
    }
    swap(arr, a, pm);
    let pa = a + 1;
    let pb = pa;
    let pc = a + n - 1;
    let pd = pc;
    for (;;) {
      let r: number;
      while (pb <= pc && (r = cmp(arr[pb] as T, arr[a] as T)) <= 0) {
        if (r === 0) swap(arr, pa++, pb);
        pb++;
      }
      while (pb <= pc && (r = cmp(arr[pc] as T, arr[a] as T)) >= 0) {
        if (r === 0) swap(arr, pc, pd--);
        pc--;
      }
      if (pb > pc) break;
      swap(arr, pb++, pc--);
    }
    const pn = a + n;
    let r = Math.min(pa - a, pb - pa);
    vecswap(arr, a, pb - r, r);
    r = Math.min(pd - pc, pn - pd - 1);
    vecswap(arr, pb, pn - r, r);
    // Recurse into (or loop on) a partition only when it overlaps the wanted ranks.
    if ((r = pb - pa) > 1 && overlaps(a, r, lrange, rrange)) sortRange(arr, a, r, cmp, lrange, rrange);
    if ((r = pd - pc) > 1 && overlaps(pn - r, r, lrange, rrange)) {
      a = pn - r;
      n = r;
      continue;
    }
    return;
  }
}

function overlaps(start: number, len: number, lrange: number, rrange: number): boolean {
  return !(rrange < start || lrange >= start + len);
}
