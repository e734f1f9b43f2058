// The list value: a deque of nodes (list-node.ts) where the two nodes at each end stay loose
// for O(1) push/pop and interior nodes are packed into compact strings, as a quicklist is.
// Pure data operations only; argument parsing, replies and keyspace events belong to commands.

import type { AggregateValue } from '../value.js';
import { NodeChain } from './list-chain.js';
import { entryBytes, ListNode, NodeLimits } from './list-node.js';

export type ListEnd = 'head' | 'tail';

/** Nodes this close to either end are left loose; the rest pack when they become interior. */
const LOOSE_EDGE = 2;

/** Redis's range rule: negatives count from the tail, then clamp; null for an empty range. */
export function rangeBounds(len: number, start: number, stop: number): [number, number] | null {
  if (start < 0) start = len + start;
  if (stop < 0) stop = len + stop;
  if (start < 0) start = 0;
  if (start > stop || start >= len) return null;
  return [start, Math.min(stop, len - 1)];
}

export class ListValue implements AggregateValue {
  readonly typeName = 'list';
  private nodes = new NodeChain();
  private len = 0;
  private readonly limits: NodeLimits;

  /** `fill` is list-max-listpack-size when the list is created; the list keeps it. */
  constructor(fill = -2) {
    this.limits = new NodeLimits(fill);
  }

  static from(values: Iterable<string>, fill = -2): ListValue {
    const l = new ListValue(fill);
    for (const v of values) l.push(v, 'tail');
    return l;
  }

  get length(): number {
    return this.len;
  }

  /** Nodes in the chain (DEBUG OBJECT's ql_nodes analogue). */
  get nodeCount(): number {
    return this.nodes.length;
  }

  /** The node fill the list was created with (DEBUG OBJECT's ql_listpack_max). */
  get fill(): number {
    return this.limits.fill;
  }

  /** Redis 7.0 encodes every list as a quicklist (the listpack encoding arrived in 7.2). */
  encoding(): string {
    return 'quicklist';
  }

  push(v: string, end: ListEnd): void {
    const nodes = this.nodes;
    let node = end === 'tail' ? nodes.last() : nodes.first();
    if (node === undefined || !this.limits.accepts(node.count, node.bytes, entryBytes(v))) {
      node = new ListNode();
      if (end === 'tail') nodes.push(node);
      else nodes.unshift(node);
      this.settleEdges();
    }
    if (end === 'tail') node.loose().push(v);
    else node.loose().unshift(v);
    node.added(v);
    this.len++;
  }

  pop(end: ListEnd): string | undefined {
    const nodes = this.nodes;
    const node = end === 'tail' ? nodes.last() : nodes.first();
    if (node === undefined) return undefined;
    const items = node.loose();
    const v = (end === 'tail' ? items.pop() : items.shift()) as string;
    node.removed(v);
    this.len--;
    if (node.count === 0) {
      if (end === 'tail') nodes.pop();
      else nodes.shift();
    }
    return v;
  }

  /** Pop up to `n` elements from one end, in the order they come off (LPOP/RPOP with count). */
  popMany(end: ListEnd, n: number): string[] {
    const out: string[] = [];
    const nodes = this.nodes;
    while (out.length < n && nodes.length > 0) {
      const node = (end === 'tail' ? nodes.last() : nodes.first()) as ListNode;
      if (node.count <= n - out.length) {
        const items = node.view();
        if (end === 'tail') for (let i = items.length - 1; i >= 0; i--) out.push(items[i] as string);
        else for (const v of items) out.push(v);
        if (end === 'tail') nodes.pop();
        else nodes.shift();
        this.len -= node.count;
      } else {
        out.push(this.pop(end) as string);
      }
    }
    return out;
  }

  /** The element at `index` (negative counts from the tail), undefined when out of range. */
  at(index: number): string | undefined {
    const i = index < 0 ? this.len + index : index;
    if (i < 0 || i >= this.len) return undefined;
    const [ni, off] = this.locate(i);
    return this.nodes.at(ni).at(off);
  }

  /** LSET: replace the element at `index`; false when out of range. */
  set(index: number, v: string): boolean {
    const i = index < 0 ? this.len + index : index;
    if (i < 0 || i >= this.len) return false;
    const [ni, off] = this.locate(i);
    const node = this.nodes.at(ni);
    const items = node.loose();
    node.removed(items[off] as string);
    items[off] = v;
    node.added(v);
    this.settle(ni);
    return true;
  }

  /** Insert `v` so that it ends up at position `i` (0..length). */
  insertAt(i: number, v: string): void {
    if (i <= 0) return this.push(v, 'head');
    if (i >= this.len) return this.push(v, 'tail');
    const [ni, off] = this.locate(i);
    const node = this.nodes.at(ni);
    const items = node.loose();
    items.splice(off, 0, v);
    node.added(v);
    this.len++;
    if (node.count > this.limits.maxEntries || (node.bytes > this.limits.maxBytes && node.count > 1)) {
      const mid = node.count >>> 1;
      this.nodes.splice(ni, 1, ListNode.of(items.slice(0, mid)), ListNode.of(items.slice(mid)));
      this.settle(ni);
      this.settle(ni + 1);
      this.settleEdges();
    } else {
      this.settle(ni);
    }
  }

  /** LINSERT: put `v` before or after the first `pivot` from the head; false without a pivot. */
  insert(pivot: string, v: string, after: boolean): boolean {
    const i = this.indexOf(pivot);
    if (i < 0) return false;
    this.insertAt(after ? i + 1 : i, v);
    return true;
  }

  /** Position of the first element equal to `v` from the head, -1 when there is none. */
  indexOf(v: string): number {
    let base = 0;
    for (const node of this.nodes) {
      if (node.mayContain(v)) {
        const k = node.view().indexOf(v);
        if (k >= 0) return base + k;
      }
      base += node.count;
    }
    return -1;
  }

  /**
   * LPOS: head-based positions of elements equal to `v`. A negative rank scans from the tail;
   * |rank|-1 matches are skipped; `limit` 0 means every match; `maxlen` 0 scans everything.
   */
  positions(v: string, rank: number, limit: number, maxlen: number): number[] {
    const out: number[] = [];
    const fromTail = rank < 0;
    let skip = Math.abs(rank) - 1;
    let scanned = 0;
    const nodes = this.nodes;
    for (let n = 0; n < nodes.length; n++) {
      if (maxlen !== 0 && scanned >= maxlen) break;
      const ni = fromTail ? nodes.length - 1 - n : n;
      const node = nodes.at(ni);
      const base = fromTail ? this.len - scanned - node.count : scanned;
      if (!node.mayContain(v)) {
        scanned += node.count;
        continue;
      }
      const items = node.view();
      for (let j = 0; j < items.length; j++, scanned++) {
        if (maxlen !== 0 && scanned >= maxlen) return out;
        const k = fromTail ? items.length - 1 - j : j;
        if (items[k] !== v) continue;
        if (skip > 0) skip--;
        else {
          out.push(base + k);
          if (limit !== 0 && out.length >= limit) return out;
        }
      }
    }
    return out;
  }

  /**
   * LREM: remove elements equal to `v`, at most `count` of them from the head (count > 0),
   * from the tail (count < 0), or all (0). Returns how many went.
   */
  remove(v: string, count: number): number {
    const fromTail = count < 0;
    const max = count === 0 ? Infinity : Math.abs(count);
    let removed = 0;
    const nodes = this.nodes;
    for (let n = 0, ni = fromTail ? nodes.length - 1 : 0; n < nodes.length && removed < max; n++) {
      const node = nodes.at(ni);
      if (node.mayContain(v)) {
        const items = node.view();
        const keep: string[] = [];
        let gone = 0;
        for (let j = 0; j < items.length; j++) {
          const k = fromTail ? items.length - 1 - j : j;
          const x = items[k] as string;
          if (x === v && removed + gone < max) gone++;
          else keep.push(x);
        }
        if (gone > 0) {
          if (fromTail) keep.reverse();
          removed += gone;
          this.len -= gone;
          node.items = keep;
          node.packed = '';
          node.recount();
        }
      }
      ni += fromTail ? -1 : 1;
    }
    nodes.retain((node) => node.count > 0);
    for (let i = LOOSE_EDGE; i < nodes.length - LOOSE_EDGE; i++) nodes.at(i).pack();
    return removed;
  }

  /** Elements start..stop inclusive after Redis's index rules (negatives from the tail, clamped). */
  range(start: number, stop: number): string[] {
    const bounds = rangeBounds(this.len, start, stop);
    if (bounds === null) return [];
    [start, stop] = bounds;
    const out: string[] = [];
    let [ni, off] = this.locate(start);
    let want = stop - start + 1;
    while (want > 0) {
      const items = this.nodes.at(ni++).view();
      const end = Math.min(items.length, off + want);
      for (let k = off; k < end; k++) out.push(items[k] as string);
      want -= end - off;
      off = 0;
    }
    return out;
  }

  /** LTRIM: keep only elements start..stop (range()'s index rules); returns how many went. */
  keep(start: number, stop: number): number {
    const len = this.len;
    const bounds = rangeBounds(len, start, stop);
    if (bounds === null) this.trim(len, 0);
    else this.trim(bounds[0], len - 1 - bounds[1]);
    return len - this.len;
  }

  /** Remove `head` elements from the head and `tail` from the tail. */
  trim(head: number, tail: number): void {
    this.dropEnd('head', Math.min(head, this.len));
    this.dropEnd('tail', Math.min(tail, this.len));
  }

  private dropEnd(end: ListEnd, n: number): void {
    const nodes = this.nodes;
    while (n > 0) {
      const node = (end === 'tail' ? nodes.last() : nodes.first()) as ListNode;
      if (node.count <= n) {
        if (end === 'tail') nodes.pop();
        else nodes.shift();
        n -= node.count;
        this.len -= node.count;
        continue;
      }
      const items = node.loose();
      if (end === 'tail') items.length -= n;
      else items.splice(0, n);
      node.recount();
      this.len -= n;
      n = 0;
    }
  }

  *values(): IterableIterator<string> {
    for (const node of this.nodes) yield* node.view();
  }

  /** Each node's elements in order: the RDB quicklist writer keeps the node structure. */
  *nodeViews(): IterableIterator<readonly string[]> {
    for (const node of this.nodes) yield node.view();
  }

  /** DEBUG DIGEST: every element mixed in, head to tail (order-sensitive, as Redis). */
  digest(d: { mix(data: string): void }): void {
    for (const v of this.toArray()) d.mix(v);
  }

  toArray(): string[] {
    return this.range(0, -1);
  }

  clone(): ListValue {
    const c = new ListValue(this.limits.fill);
    c.nodes = new NodeChain(this.nodes.toArray().map((n) => n.clone()));
    c.len = this.len;
    return c;
  }

  /** Node index and offset of element i (0 <= i < length), walking from the nearer end. */
  private locate(i: number): [number, number] {
    const nodes = this.nodes;
    if (i < this.len >>> 1) {
      let ni = 0;
      for (;;) {
        const c = nodes.at(ni).count;
        if (i < c) return [ni, i];
        i -= c;
        ni++;
      }
    }
    let ni = nodes.length - 1;
    let fromEnd = this.len - 1 - i;
    for (;;) {
      const c = nodes.at(ni).count;
      if (fromEnd < c) return [ni, c - 1 - fromEnd];
      fromEnd -= c;
      ni--;
    }
  }

  /** Pack node i if it is interior (not among the loose nodes at either end). */
  private settle(i: number): void {
    if (i >= LOOSE_EDGE && i < this.nodes.length - LOOSE_EDGE) this.nodes.at(i).pack();
  }

  /** After the chain grew, the nodes just inside the loose edges become interior. */
  private settleEdges(): void {
    this.settle(LOOSE_EDGE);
    this.settle(this.nodes.length - 1 - LOOSE_EDGE);
  }
}
