// The ordered half of a sorted set: a B+tree over (score, member) pairs with per-child counts,
// so rank, select-by-rank and range bounds are O(log n). Leaves hold members in an array and
// scores in a Float64Array; inner nodes keep lower-bound separators (a separator may be stale,
// i.e. lower than its child's first key, after deletions): every key of kids[i-1] < sep[i] ≤
// every key of kids[i], so an exact key descends to the last kid whose separator is ≤ it.

const LEAF_CAP = 128;
const INNER_CAP = 64;
const LEAF_MIN = LEAF_CAP / 4;
const INNER_MIN = INNER_CAP / 4;

/** True when (s1, m1) sorts before (s2, m2): by score, then member bytes. */
export function pairLess(s1: number, m1: string, s2: number, m2: string): boolean {
  return s1 < s2 || (s1 === s2 && m1 < m2);
}

/** A predicate true for a prefix of the order ("sorts before the bound"). */
export type Before = (score: number, member: string) => boolean;

class Leaf {
  n = 0;
  m: string[] = [];
  /** Grows from a few slots up to LEAF_CAP, so a small set stays small. */
  s: Float64Array = new Float64Array(4);
  prev: Leaf | null = null;
  next: Leaf | null = null;

  /** First index whose pair is not before. */
  bound(before: Before): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.s[mid] as number, this.m[mid] as string)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private reserve(n: number): void {
    if (n <= this.s.length) return;
    const s = new Float64Array(Math.min(LEAF_CAP, Math.max(n, this.s.length * 2)));
    s.set(this.s.subarray(0, this.n));
    this.s = s;
  }

  insertAt(i: number, score: number, member: string): void {
    this.reserve(this.n + 1);
    if (i < this.n) {
      this.s.copyWithin(i + 1, i, this.n);
      this.m.splice(i, 0, member);
    } else this.m.push(member);
    this.s[i] = score;
    this.n++;
  }

  removeAt(i: number): void {
    this.s.copyWithin(i, i + 1, this.n);
    this.m.splice(i, 1);
    this.n--;
  }

  /** Move the pairs from `at` on into a new leaf linked after this one. */
  split(at: number): Leaf {
    const r = new Leaf();
    r.m = this.m.splice(at);
    r.s = new Float64Array(LEAF_CAP);
    r.s.set(this.s.subarray(at, this.n));
    r.n = this.n - at;
    this.n = at;
    r.next = this.next;
    if (r.next !== null) r.next.prev = r;
    r.prev = this;
    this.next = r;
    return r;
  }

  /** Append the right neighbour's pairs and unlink it. */
  absorb(r: Leaf): void {
    this.reserve(this.n + r.n);
    this.s.set(r.s.subarray(0, r.n), this.n);
    for (let i = 0; i < r.n; i++) this.m.push(r.m[i] as string);
    this.n += r.n;
    this.unlinkNext();
  }

  unlinkNext(): void {
    (this.next as Leaf).unlink();
  }

  unlink(): void {
    if (this.prev !== null) this.prev.next = this.next;
    if (this.next !== null) this.next.prev = this.prev;
  }
}

class Inner {
  kids: Node[] = [];
  cnt: number[] = [];
  /** sepS[i]/sepM[i]: a lower bound of kids[i] (index 0 unused for search). */
  sepS: number[] = [];
  sepM: string[] = [];
  total = 0;

  /** The kid that holds, or would hold, the pairs just after the `before` prefix. */
  child(before: Before): number {
    let lo = 1;
    let hi = this.kids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.sepS[mid] as number, this.sepM[mid] as string)) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  insertKid(i: number, kid: Node, s: number, m: string): void {
    this.kids.splice(i, 0, kid);
    this.cnt.splice(i, 0, sizeOf(kid));
    this.sepS.splice(i, 0, s);
    this.sepM.splice(i, 0, m);
  }

  removeKid(i: number): void {
    this.kids.splice(i, 1);
    this.cnt.splice(i, 1);
    this.sepS.splice(i, 1);
    this.sepM.splice(i, 1);
  }

  split(): Inner {
    const r = new Inner();
    const half = this.kids.length >>> 1;
    r.kids = this.kids.splice(half);
    r.cnt = this.cnt.splice(half);
    r.sepS = this.sepS.splice(half);
    r.sepM = this.sepM.splice(half);
    let moved = 0;
    for (const c of r.cnt) moved += c;
    r.total = moved;
    this.total -= moved;
    return r;
  }
}

type Node = Leaf | Inner;

function sizeOf(n: Node): number {
  return n instanceof Leaf ? n.n : n.total;
}

export class ZTree {
  private root: Node = new Leaf();

  get size(): number {
    return sizeOf(this.root);
  }

  /** Add a pair the caller knows is absent. */
  insert(score: number, member: string): void {
    const r = this.insertInto(this.root, score, member, (s, m) => pairLess(s, m, score, member));
    if (r === null) return;
    const root = new Inner();
    const old = this.root;
    root.kids = [old, r];
    root.cnt = [sizeOf(old), sizeOf(r)];
    root.sepS = [0, lowS(r)];
    root.sepM = ['', lowM(r)];
    root.total = sizeOf(old) + sizeOf(r);
    this.root = root;
  }

  private insertInto(node: Node, score: number, member: string, before: Before): Node | null {
    if (node instanceof Leaf) {
      const i = node.bound(before);
      if (node.n < LEAF_CAP) {
        node.insertAt(i, score, member);
        return null;
      }
      // Appending past the last leaf (or prepending before the first) starts a new leaf
      // instead of halving this one, so sequential scores fill leaves completely.
      const at = i === node.n && node.next === null ? i : i === 0 && node.prev === null ? 0 : node.n >>> 1;
      const r = node.split(at);
      if (i < at || (i === at && at === 0)) node.insertAt(i, score, member);
      else r.insertAt(i - at, score, member);
      return r;
    }
    const descend: Before = (s, m) => !pairLess(score, member, s, m);
    const j = node.child(descend);
    const r = this.insertInto(node.kids[j] as Node, score, member, before);
    node.total++;
    if (r === null) {
      node.cnt[j] = (node.cnt[j] as number) + 1;
      return null;
    }
    node.cnt[j] = sizeOf(node.kids[j] as Node);
    node.insertKid(j + 1, r, lowS(r), lowM(r));
    return node.kids.length > INNER_CAP ? node.split() : null;
  }

  /** Remove a pair; false when it is not there. */
  remove(score: number, member: string): boolean {
    if (!this.removeFrom(this.root, score, member, (s, m) => pairLess(s, m, score, member))) return false;
    while (this.root instanceof Inner && this.root.kids.length <= 1) this.root = (this.root.kids[0] as Node | undefined) ?? new Leaf();
    return true;
  }

  private removeFrom(node: Node, score: number, member: string, before: Before): boolean {
    if (node instanceof Leaf) {
      const i = node.bound(before);
      if (i >= node.n || node.m[i] !== member || node.s[i] !== score) return false;
      node.removeAt(i);
      return true;
    }
    const j = node.child((s, m) => !pairLess(score, member, s, m));
    const kid = node.kids[j] as Node;
    if (!this.removeFrom(kid, score, member, before)) return false;
    node.cnt[j] = (node.cnt[j] as number) - 1;
    node.total--;
    this.rebalance(node, j);
    return true;
  }

  /** After a removal below kids[j]: drop it when empty, merge it with a neighbour when small. */
  private rebalance(p: Inner, j: number): void {
    const kid = p.kids[j] as Node;
    if (sizeOf(kid) === 0) {
      // An empty subtree goes at once (its leaves are already unlinked but for a lone leaf).
      if (kid instanceof Leaf) kid.unlink();
      p.removeKid(j);
      return;
    }
    if (kid instanceof Leaf) {
      if (kid.n >= LEAF_MIN || p.kids.length < 2) return;
      const [a, b] = j + 1 < p.kids.length ? [j, j + 1] : [j - 1, j];
      const left = p.kids[a] as Leaf;
      const right = p.kids[b] as Leaf;
      if (left.n + right.n > LEAF_CAP) return;
      left.absorb(right);
      p.cnt[a] = left.n;
      p.removeKid(b);
      return;
    }
    if (kid.kids.length >= INNER_MIN || p.kids.length < 2) return;
    const [a, b] = j + 1 < p.kids.length ? [j, j + 1] : [j - 1, j];
    const left = p.kids[a] as Inner;
    const right = p.kids[b] as Inner;
    if (left.kids.length + right.kids.length > INNER_CAP) return;
    right.sepS[0] = p.sepS[b] as number;
    right.sepM[0] = p.sepM[b] as string;
    left.kids.push(...right.kids);
    left.cnt.push(...right.cnt);
    left.sepS.push(...right.sepS);
    left.sepM.push(...right.sepM);
    left.total += right.total;
    p.cnt[a] = left.total;
    p.removeKid(b);
  }

  /** How many pairs satisfy `before` (which must hold for a prefix of the order). */
  countBefore(before: Before): number {
    let node = this.root;
    let acc = 0;
    while (node instanceof Inner) {
      const j = node.child(before);
      for (let k = 0; k < j; k++) acc += node.cnt[k] as number;
      node = node.kids[j] as Node;
    }
    return acc + node.bound(before);
  }

  /** The leaf and offset of the pair at `rank` (0 ≤ rank < size). */
  private locate(rank: number): [Leaf, number] {
    let node = this.root;
    while (node instanceof Inner) {
      let j = 0;
      while (rank >= (node.cnt[j] as number)) rank -= node.cnt[j++] as number;
      node = node.kids[j] as Node;
    }
    return [node, rank];
  }

  /**
   * Visit the pairs of ranks start..end (inclusive, 0 ≤ start ≤ end < size), ascending, or
   * descending from end when `reverse`. The visitor may stop the walk by returning false.
   */
  walk(start: number, end: number, reverse: boolean, visit: (member: string, score: number) => boolean | void): void {
    let left = end - start + 1;
    let [leaf, i] = this.locate(reverse ? end : start);
    while (left > 0) {
      if (visit(leaf.m[i] as string, leaf.s[i] as number) === false) return;
      left--;
      if (reverse) {
        if (--i < 0) {
          leaf = leaf.prev as Leaf;
          if (leaf === null) return;
          i = leaf.n - 1;
        }
      } else if (++i >= leaf.n) {
        leaf = leaf.next as Leaf;
        if (leaf === null) return;
        i = 0;
      }
    }
  }
}

function lowS(n: Node): number {
  return n instanceof Leaf ? (n.s[0] as number) : (n.sepS[0] as number);
}

function lowM(n: Node): string {
  return n instanceof Leaf ? (n.m[0] as string) : (n.sepM[0] as string);
}
