// The sorted-set value: a member → score Map for O(1) lookups beside a counted B+tree
// (zset-tree.ts) for order, ranks and ranges. OBJECT ENCODING reports "listpack" until the set
// outgrows zset-max-listpack-entries or a member outgrows zset-max-listpack-value (Redis
// 7.0's rules); the switch never goes back. Commands own parsing, replies and events.

import { formatDouble } from '@cinnabar/common';
import type { EncodingLimits } from '../encoding-limits.js';
import type { AggregateValue } from '../value.js';
import { type LexRange, lexEmpty, lexGteMin, lexLteMax, packedLexStart } from './zset-lex.js';
import { PackedPairs } from './zset-packed.js';
import { type Before, pairLess, ZTree } from './zset-tree.js';

export type { LexRange } from './zset-lex.js';

export type ZSetLimits = Pick<EncodingLimits, 'zsetMaxListpackEntries' | 'zsetMaxListpackValue'>;

/** A score interval; an exclusive end leaves that score out. */
export interface ScoreRange {
  min: number;
  max: number;
  minex: boolean;
  maxex: boolean;
}

export type ZSetVisit = (member: string, score: number) => boolean | void;

export class ZSetValue implements AggregateValue {
  /** Member → score once skiplist-encoded; a listpack-encoded set finds members by a walk. */
  private dict: Map<string, number> | null = null;
  /** The order: plain sorted arrays while listpack-encoded, the counted B+tree after. */
  private tree: PackedPairs | ZTree = new PackedPairs();
  private packed = true;

  get typeName(): string {
    return 'zset';
  }

  encoding(): string {
    return this.packed ? 'listpack' : 'skiplist';
  }

  clone(): ZSetValue {
    const z = new ZSetValue();
    if (!this.packed) z.unpack();
    this.walk(0, this.length - 1, false, (m, s) => z.insertNew(m, s));
    return z;
  }

  get length(): number {
    return this.tree.size;
  }

  score(member: string): number | undefined {
    if (this.dict !== null) return this.dict.get(member);
    // Without an index the set is listpack-encoded (unpack() always builds the index).
    return (this.tree as PackedPairs).scoreOf(member);
  }

  /** Leave the listpack encoding: move the pairs into the tree and index every member. */
  private unpack(): void {
    this.packed = false;
    if (this.tree instanceof PackedPairs) {
      const tree = new ZTree();
      this.walk(0, this.length - 1, false, (m, s) => tree.insert(s, m));
      this.tree = tree;
    }
    if (this.dict !== null) return;
    const dict = new Map<string, number>();
    this.walk(0, this.length - 1, false, (m, s) => {
      dict.set(m, s);
    });
    this.dict = dict;
  }

  /**
   * Set a member's score; answers 'added', 'updated' or 'same'. A new member past the
   * listpack limits switches the encoding, as zsetAdd does before inserting.
   */
  set(member: string, score: number, limits: ZSetLimits): 'added' | 'updated' | 'same' {
    const old = this.score(member);
    if (old === undefined) {
      if (this.packed && (this.length + 1 > limits.zsetMaxListpackEntries || member.length > limits.zsetMaxListpackValue)) {
        this.unpack();
      }
      this.insertNew(member, this.packed ? packedScore(score) : score);
      return 'added';
    }
    if (old === score) return 'same';
    if (this.packed) score = packedScore(score);
    this.tree.remove(old, member);
    this.tree.insert(score, member);
    this.dict?.set(member, score);
    return 'updated';
  }

  private insertNew(member: string, score: number): void {
    this.dict?.set(member, score);
    this.tree.insert(score, member);
  }

  delete(member: string): boolean {
    const old = this.score(member);
    if (old === undefined) return false;
    this.dict?.delete(member);
    this.tree.remove(old, member);
    return true;
  }

  /** Remove the members of ascending ranks start..end (inclusive, in range); answers how many. */
  removeRanks(start: number, end: number): number {
    const doomed: string[] = [];
    this.walk(start, end, false, (m) => {
      doomed.push(m);
    });
    for (const m of doomed) this.delete(m);
    return doomed.length;
  }

  /** 0-based ascending rank of a member, undefined when absent. */
  rank(member: string): number | undefined {
    const s = this.score(member);
    if (s === undefined) return undefined;
    return this.tree.countBefore((ts, tm) => pairLess(ts, tm, s, member));
  }

  /** Visit ranks start..end inclusive (clamped by the caller), descending from end when reverse. */
  walk(start: number, end: number, reverse: boolean, visit: ZSetVisit): void {
    if (start > end || this.tree.size === 0) return;
    this.tree.walk(start, end, reverse, visit);
  }

  /** Member and score at an ascending rank. */
  at(rank: number): [string, number] {
    let out: [string, number] = ['', 0];
    this.tree.walk(rank, rank, false, (m, s) => {
      out = [m, s];
    });
    return out;
  }

  /** The ascending rank interval [first, last] of the members in a score range (first > last: none). */
  scoreSpan(r: ScoreRange): [number, number] {
    if (r.min > r.max || (r.min === r.max && (r.minex || r.maxex))) return [0, -1];
    const first = this.tree.countBefore(r.minex ? (s) => s <= r.min : (s) => s < r.min);
    const end = this.tree.countBefore(r.maxex ? (s) => s < r.max : (s) => s <= r.max);
    return [first, end - 1];
  }

  /**
   * The ascending rank interval of the members in a lex range, as ZLEXCOUNT and ZREMRANGEBYLEX
   * walk it forward. Exact when all scores are equal; otherwise a listpack-encoded set gives
   * Redis's scan result (see zset-lex.ts) and a skiplist-encoded one a binary search's.
   */
  lexSpan(r: LexRange): [number, number] {
    if (this.tree instanceof PackedPairs) {
      const p = this.tree;
      const first = packedLexStart(p, r, false);
      if (first < 0) return [0, -1];
      let last = first;
      while (last + 1 < p.size && lexLteMax(p.memberAt(last + 1), r)) last++;
      return [first, last];
    }
    if (lexEmpty(r)) return [0, -1];
    const lo: Before = r.minInf ? () => false : r.minex ? (_s, m) => m <= r.min : (_s, m) => m < r.min;
    const hi: Before = r.maxInf ? () => true : r.maxex ? (_s, m) => m < r.max : (_s, m) => m <= r.max;
    return [this.tree.countBefore(lo), this.tree.countBefore(hi) - 1];
  }

  /**
   * Visit a lex range as ZRANGEBYLEX walks it: from the first member in range (the last when
   * reverse), `offset` members skipped without a range check, then members while they stay
   * inside the far bound, at most `limit` of them (negative: no limit).
   */
  lexWalk(r: LexRange, reverse: boolean, offset: number, limit: number, visit: ZSetVisit): void {
    if (offset < 0 || limit === 0) return;
    if (!(this.tree instanceof PackedPairs)) {
      // Members sorted by lex: the unchecked skip lands inside the interval or past it.
      const [a, b] = this.lexSpan(r);
      let count = b - a + 1 - offset;
      if (count <= 0) return;
      if (limit > 0) count = Math.min(count, limit);
      if (reverse) this.walk(b - offset - count + 1, b - offset, true, visit);
      else this.walk(a + offset, a + offset + count - 1, false, visit);
      return;
    }
    const p = this.tree;
    const start = packedLexStart(p, r, reverse);
    if (start < 0) return;
    const step = reverse ? -1 : 1;
    const inside = reverse ? lexGteMin : lexLteMax;
    for (let i = start + step * offset; i >= 0 && i < p.size && limit !== 0; i += step, limit--) {
      const m = p.memberAt(i);
      if (!inside(m, r)) return;
      if (visit(m, p.scoreAt(i)) === false) return;
    }
  }

  /** DEBUG DIGEST: each member with its %.17g score digested on its own and xored in. */
  digest(d: { element(...parts: string[]): void }): void {
    this.walk(0, this.length - 1, false, (m, s) => {
      d.element(m, formatDouble(s));
    });
  }

  /** Members in insertion order with their scores (ZSCAN of a skiplist-encoded set). */
  entries(): Map<string, number> {
    if (this.dict === null) this.unpackIndex();
    return this.dict as Map<string, number>;
  }

  /** An index for a listpack-encoded set without changing its encoding. */
  private unpackIndex(): void {
    const dict = new Map<string, number>();
    this.walk(0, this.length - 1, false, (m, s) => {
      dict.set(m, s);
    });
    this.dict = dict;
  }

  /**
   * An empty set to add a range result to, encoded by the expected size as ZRANGESTORE does
   * (a negative hint, for score and lex ranges, starts it as a listpack).
   */
  static forSize(sizeHint: number, limits: ZSetLimits): ZSetValue {
    const z = new ZSetValue();
    if (sizeHint > limits.zsetMaxListpackEntries) z.unpack();
    return z;
  }

  /**
   * A ZUNION/ZINTER/ZDIFF result: Redis builds it as a skiplist, so every score keeps its
   * sign (-0 included) unless `limits` are given and the whole result fits a listpack, the
   * conversion a stored result gets.
   */
  static fromSkiplist(pairs: Iterable<[string, number]>, limits?: ZSetLimits): ZSetValue {
    const z = new ZSetValue();
    z.unpack();
    for (const [m, s] of pairs) z.insertNew(m, s);
    if (limits !== undefined) z.packIfFits(limits);
    return z;
  }

  /** zsetConvertToListpackIfNeeded: back to a listpack when the size and every member fit. */
  private packIfFits(limits: ZSetLimits): void {
    if (this.packed || this.length > limits.zsetMaxListpackEntries) return;
    let longest = 0;
    this.walk(0, this.length - 1, false, (m) => {
      if (m.length > longest) longest = m.length;
    });
    if (longest > limits.zsetMaxListpackValue) return;
    const packed = new PackedPairs();
    this.walk(0, this.length - 1, false, (m, s) => {
      packed.insert(packedScore(s), m);
    });
    this.tree = packed;
    this.dict = null;
    this.packed = true;
  }

  /** A set built from pairs added in order, encoded as ZADD of them would leave it. */
  static from(pairs: Iterable<[string, number]>, limits: ZSetLimits): ZSetValue {
    const z = new ZSetValue();
    for (const [m, s] of pairs) z.set(m, s, limits);
    return z;
  }

  /** True when ZSCAN answers everything at once (the listpack encoding, as Redis). */
  get compact(): boolean {
    return this.packed;
  }
}

/** A listpack stores -0 as the integer 0, so a listpack-encoded set never holds -0. */
function packedScore(score: number): number {
  return score === 0 ? 0 : score;
}

