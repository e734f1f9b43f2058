// The list's chain of nodes: an array with free slots kept in front, so that adding or
// dropping a node at either end is O(1) amortized even when the chain is long (a plain
// array's unshift/shift copy the whole chain).

import type { ListNode } from './list-node.js';

/** Below this many dead front slots the chain is not compacted. */
const MIN_COMPACT = 64;

export class NodeChain {
  private a: (ListNode | undefined)[];
  /** Index in `a` of the first node. */
  private head = 0;

  constructor(nodes: ListNode[] = []) {
    this.a = nodes;
  }

  get length(): number {
    return this.a.length - this.head;
  }

  /** Node i (0 = head), which must exist. */
  at(i: number): ListNode {
    return this.a[this.head + i] as ListNode;
  }

  first(): ListNode | undefined {
    return this.head < this.a.length ? this.a[this.head] : undefined;
  }

  last(): ListNode | undefined {
    return this.head < this.a.length ? this.a[this.a.length - 1] : undefined;
  }

  push(n: ListNode): void {
    this.a.push(n);
  }

  pop(): void {
    this.a.pop();
    if (this.head === this.a.length) this.reset([]);
  }

  unshift(n: ListNode): void {
    if (this.head === 0) {
      // Make room in front in proportion to the chain, so repeated unshifts amortize.
      const len = this.a.length;
      const slack = Math.max(8, len >>> 1);
      const b = new Array<ListNode | undefined>(slack + len);
      for (let i = 0; i < len; i++) b[slack + i] = this.a[i];
      this.a = b;
      this.head = slack;
    }
    this.a[--this.head] = n;
  }

  shift(): void {
    this.a[this.head++] = undefined;
    if (this.head === this.a.length) this.reset([]);
    else if (this.head >= MIN_COMPACT && this.head * 2 >= this.a.length) this.reset(this.a.slice(this.head) as ListNode[]);
  }

  /** Replace `remove` nodes at i with `add` (the middle of the chain; O(length)). */
  splice(i: number, remove: number, ...add: ListNode[]): void {
    this.a.splice(this.head + i, remove, ...add);
  }

  /** Keep only the nodes for which `keep` is true. */
  retain(keep: (n: ListNode) => boolean): void {
    this.reset(this.toArray().filter(keep));
  }

  toArray(): ListNode[] {
    return this.a.slice(this.head) as ListNode[];
  }

  *[Symbol.iterator](): IterableIterator<ListNode> {
    for (let i = this.head; i < this.a.length; i++) yield this.a[i] as ListNode;
  }

  private reset(nodes: ListNode[]): void {
    this.a = nodes;
    this.head = 0;
  }
}
