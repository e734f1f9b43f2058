// The ordered pairs of a listpack-encoded sorted set: two plain sorted arrays (V8 keeps the
// scores unboxed), the same operations as ZTree at O(n) cost for the few members a listpack
// holds, and none of a tree's per-node overhead.

import { type Before, pairLess } from './zset-tree.js';

export class PackedPairs {
  private m: string[] = [];
  private s: number[] = [];

  get size(): number {
    return this.m.length;
  }

  /** First index whose pair is not before. */
  countBefore(before: Before): number {
    let lo = 0;
    let hi = this.m.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.s[mid] as number, this.m[mid] as string)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  memberAt(i: number): string {
    return this.m[i] as string;
  }

  scoreAt(i: number): number {
    return this.s[i] as number;
  }

  /** The score of `member`, undefined when absent: a scan of the member array, no callback. */
  scoreOf(member: string): number | undefined {
    const i = this.m.indexOf(member);
    return i < 0 ? undefined : this.s[i];
  }

  insert(score: number, member: string): void {
    const i = this.countBefore((s, m) => pairLess(s, m, score, member));
    this.m.splice(i, 0, member);
    this.s.splice(i, 0, score);
  }

  remove(score: number, member: string): boolean {
    const i = this.countBefore((s, m) => pairLess(s, m, score, member));
    if (this.m[i] !== member) return false;
    this.m.splice(i, 1);
    this.s.splice(i, 1);
    return true;
  }

  walk(start: number, end: number, reverse: boolean, visit: (member: string, score: number) => boolean | void): void {
    if (reverse) {
      for (let i = end; i >= start; i--) if (visit(this.m[i] as string, this.s[i] as number) === false) return;
    } else {
      for (let i = start; i <= end; i++) if (visit(this.m[i] as string, this.s[i] as number) === false) return;
    }
  }
}
