// The sorted-set value: a member → score Map for O(1) lookups beside a counted B+tree
// (zset-tree.ts) for order, ranks and ranges. OBJECT ENCODING reports "listpack" until the set
// outgrows zset-max-listpack-entries or a member outgrows zset-max-listpack-value (Redis
// 7.0's rules); the switch never goes back. Commands own parsing, replies and events.

import { formatDouble } from '@cinnabar/common';
import type { EncodingLimits } from '../encoding-limits.js';
import type { AggregateValue } from '../value.js';
import { PackedPairs } from './zset-packed.js';
import { type Before, pairLess, ZTree } from './zset-tree.js';

export type ZSetLimits = Pick<EncodingLimits, 'zsetMaxListpackEntries' | 'zsetMaxListpackValue'>;

/** A score interval; an exclusive end leaves that score out. */
export interface ScoreRange {
  min: number;
  max: number;
  minex: boolean;
  maxex: boolean;
}

/** A member interval: '' bounds with minInf/maxInf flags stand for "-" and "+". */
export interface LexRange {
  min: string;
  max: string;
  minex: boolean;
  maxex: boolean;
  minInf?: boolean;
  maxInf?: boolean;
  /** "+" as min or "-" as max: nothing matches. */
  empty?: boolean;
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

  /** The ascending rank interval of the members in a lex range (meaningful when all scores are equal). */
  lexSpan(r: LexRange): [number, number] {
    if (r.empty || lexEmpty(r)) return [0, -1];
    const lo: Before = r.minInf ? () => false : r.minex ? (_s, m) => m <= r.min : (_s, m) => m < r.min;
    const hi: Before = r.maxInf ? () => true : r.maxex ? (_s, m) => m < r.max : (_s, m) => m <= r.max;
    return [this.tree.countBefore(lo), this.tree.countBefore(hi) - 1];
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

function lexEmpty(r: LexRange): boolean {
  if (r.minInf || r.maxInf) return false;
  return r.min > r.max || (r.min === r.max && (r.minex || r.maxex));
}
