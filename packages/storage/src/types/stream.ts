// The stream value: entries in ID order in nodes of bounded size (as Redis's listpacks under
// a radix tree), found by binary search over nodes then within one; the stream's last ID,
// entries-added, max-deleted-ID and first ID; consumer groups (stream-group.ts). Nodes keep a
// count of entries deleted from them so that node fullness, and so approximate trimming,
// follows Redis. Commands own parsing, replies and events.

import type { AggregateValue } from '../value.js';
import { ConsumerGroup } from './stream-group.js';
import { MAX_ID, type StreamId } from './stream-id.js';
import { entryBytes, nodeBytes } from './stream-listpack-size.js';

export interface StreamEntry {
  readonly id: StreamId;
  /** field, value, field, value… */
  readonly fields: readonly string[];
}

export interface StreamNodeLimits {
  streamNodeMaxEntries: number;
  streamNodeMaxBytes: number;
}

export interface TrimArgs {
  strategy: 'maxlen' | 'minid';
  maxlen?: number;
  minid?: StreamId;
  approx: boolean;
  /** Most entries to remove, 0 = no limit. */
  limit: number;
}

/** A node as the RDB codec sees it: Redis's listpack stored under the radix-tree key masterId. */
export interface StreamNodeView {
  readonly entries: readonly StreamEntry[];
  readonly deleted: number;
  readonly entriesBytes: number;
  readonly masterFields: readonly string[];
  readonly masterId: StreamId;
  readonly tailId: StreamId;
}

/** The stream-wide counters an RDB file carries beside the nodes. */
export interface StreamMeta {
  length: number;
  lastId: StreamId;
  firstId: StreamId;
  maxDeletedId: StreamId;
  entriesAdded: number;
}

interface StreamNode {
  entries: StreamEntry[];
  /** Entries deleted from this node: they still count toward its fullness, as in Redis. */
  deleted: number;
  /** Listpack bytes of every entry ever added to the node, deleted ones included. */
  entriesBytes: number;
  masterFields: readonly string[];
  /** The radix-tree key: the ID of the first entry ever added to the node. */
  masterId: StreamId;
  /** The last ID ever added to the node: MINID trimming compares it even once deleted, as Redis. */
  tailId: StreamId;
}

/** Leading bytes two 128-bit keys share. */
function sharedBytes(a: StreamId, b: StreamId): number {
  const x = a ^ b;
  return x === 0n ? 16 : 15 - Math.floor((x.toString(2).length - 1) / 8);
}

/**
 * Nodes of a compressed radix tree (as Redis's rax) holding these sorted 16-byte keys from
 * byte `depth` on: a leaf at the end, a compressed node over a shared run, else a branch.
 */
function radixNodes(keys: readonly StreamId[], depth: number): number {
  if (keys.length === 0) return 1;
  if (depth >= 16) return 1;
  const shared = sharedBytes(keys[0] as StreamId, keys[keys.length - 1] as StreamId);
  if (shared > depth) return 1 + radixNodes(keys, shared);
  const shift = BigInt(8 * (15 - depth));
  let total = 1;
  let from = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i === keys.length || ((keys[i] as StreamId) >> shift) !== ((keys[from] as StreamId) >> shift)) {
      total += radixNodes(keys.slice(from, i), depth + 1);
      from = i;
    }
  }
  return total;
}

export class StreamValue implements AggregateValue {
  private nodes: StreamNode[] = [];
  length = 0;
  lastId: StreamId = 0n;
  firstId: StreamId = 0n;
  maxDeletedId: StreamId = 0n;
  entriesAdded = 0;
  readonly groups = new Map<string, ConsumerGroup>();

  /**
   * A stream rebuilt from loaded nodes, which it takes over: the caller (the RDB loader) has
   * checked that IDs ascend within and across nodes and that the counters agree with them.
   */
  static fromNodes(nodes: (StreamNodeView & { entries: StreamEntry[] })[], meta: StreamMeta): StreamValue {
    const s = new StreamValue();
    s.nodes = nodes.map((n) => ({ entries: n.entries, deleted: n.deleted, entriesBytes: n.entriesBytes, masterFields: n.masterFields, masterId: n.masterId, tailId: n.tailId }));
    Object.assign(s, meta);
    return s;
  }

  /** The nodes in ID order, read-only, for serialising. */
  nodeViews(): readonly StreamNodeView[] {
    return this.nodes;
  }

  get typeName(): string {
    return 'stream';
  }

  encoding(): string {
    return 'stream';
  }

  clone(): StreamValue {
    const s = new StreamValue();
    s.nodes = this.nodes.map((n) => ({ ...n, entries: n.entries.slice() }));
    s.length = this.length;
    s.lastId = this.lastId;
    s.firstId = this.firstId;
    s.maxDeletedId = this.maxDeletedId;
    s.entriesAdded = this.entriesAdded;
    for (const [name, g] of this.groups) s.groups.set(name, g.clone());
    return s;
  }

  /** DEBUG DIGEST: each entry's "ms.seq" then its fields and values, mixed in order (groups are not digested). */
  digest(d: { mix(data: string): void }): void {
    for (const n of this.nodes) {
      for (const e of n.entries) {
        d.mix(`${e.id >> 64n}.${e.id & 0xffffffffffffffffn}`);
        for (const f of e.fields) d.mix(f);
      }
    }
  }

  /** Number of radix-tree nodes (XINFO STREAM radix-tree-keys). */
  get nodeCount(): number {
    return this.nodes.length;
  }

  /** Nodes of the radix tree over the node keys (XINFO STREAM radix-tree-nodes). */
  get radixNodeCount(): number {
    return radixNodes(this.nodes.map((n) => n.masterId), 0);
  }

  /**
   * Append an entry whose ID the caller has checked is above lastId. A new node starts when
   * the tail node would reach stream-node-max-bytes or holds stream-node-max-entries
   * entries, deleted ones included.
   */
  append(id: StreamId, fields: readonly string[], limits: StreamNodeLimits): void {
    const tail = this.nodes[this.nodes.length - 1];
    let node = tail;
    if (tail !== undefined) {
      const maxBytes = limits.streamNodeMaxBytes === 0 ? 2 ** 30 : limits.streamNodeMaxBytes;
      let total = 0;
      for (const f of fields) total += f.length;
      if (nodeBytes(tail.entries.length, tail.deleted, tail.masterFields, tail.entriesBytes) + total >= maxBytes) node = undefined;
      else if (limits.streamNodeMaxEntries > 0 && tail.entries.length + tail.deleted >= limits.streamNodeMaxEntries) node = undefined;
    }
    if (node === undefined) {
      const master = fields.filter((_, i) => i % 2 === 0);
      node = { entries: [], deleted: 0, entriesBytes: 0, masterFields: master, masterId: id, tailId: id };
      this.nodes.push(node);
    }
    node.entries.push({ id, fields });
    node.tailId = id;
    node.entriesBytes += entryBytes(id, fields, node.masterId, node.masterFields);
    if (this.length === 0) this.firstId = id;
    this.length++;
    this.entriesAdded++;
    this.lastId = id;
  }

  /**
   * Index of the first node whose last added ID is >= id. Only the head node can be empty
   * (an exact MINID trim may take all its live entries while its deleted tail is >= MINID;
   * Redis keeps such a node too).
   */
  private seekNode(id: StreamId): number {
    let lo = 0;
    let hi = this.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.nodes[mid] as StreamNode).tailId < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private static seekEntry(entries: readonly StreamEntry[], id: StreamId): number {
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((entries[mid] as StreamEntry).id < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get(id: StreamId): StreamEntry | undefined {
    const ni = this.seekNode(id);
    const n = this.nodes[ni];
    if (n === undefined) return undefined;
    const e = n.entries[StreamValue.seekEntry(n.entries, id)];
    return e !== undefined && e.id === id ? e : undefined;
  }

  /** Entries with start <= id <= end, ascending or (rev) descending, at most count (0 = all). */
  range(start: StreamId, end: StreamId, rev = false, count = 0): StreamEntry[] {
    const out: StreamEntry[] = [];
    if (start > end) return out;
    if (!rev) {
      for (let ni = this.seekNode(start); ni < this.nodes.length; ni++) {
        const es = (this.nodes[ni] as StreamNode).entries;
        for (let i = StreamValue.seekEntry(es, start); i < es.length; i++) {
          const e = es[i] as StreamEntry;
          if (e.id > end) return out;
          out.push(e);
          if (count > 0 && out.length >= count) return out;
        }
      }
      return out;
    }
    let ni = Math.min(this.seekNode(end), this.nodes.length - 1);
    for (; ni >= 0; ni--) {
      const es = (this.nodes[ni] as StreamNode).entries;
      let i = StreamValue.seekEntry(es, end);
      if (i === es.length || (es[i] as StreamEntry).id > end) i--;
      for (; i >= 0; i--) {
        const e = es[i] as StreamEntry;
        if (e.id < start) return out;
        out.push(e);
        if (count > 0 && out.length >= count) return out;
      }
    }
    return out;
  }

  /** The first or last live entry. */
  edge(last: boolean): StreamEntry | undefined {
    const n = this.nodes.length;
    for (let i = last ? n - 1 : 0; last ? i >= 0 : i < n; i += last ? -1 : 1) {
      const es = (this.nodes[i] as StreamNode).entries;
      if (es.length > 0) return es[last ? es.length - 1 : 0];
    }
    return undefined;
  }

  /** XDEL one ID: true when it existed. Updates length, first ID and max-deleted-ID. */
  delete(id: StreamId): boolean {
    const ni = this.seekNode(id);
    const n = this.nodes[ni];
    if (n === undefined) return false;
    const i = StreamValue.seekEntry(n.entries, id);
    if (n.entries[i]?.id !== id) return false;
    if (n.entries.length === 1) this.nodes.splice(ni, 1);
    else {
      n.entries.splice(i, 1);
      n.deleted++;
    }
    this.length--;
    if (id > this.maxDeletedId) this.maxDeletedId = id;
    this.refreshFirst();
    return true;
  }

  private refreshFirst(): void {
    this.firstId = this.edge(false)?.id ?? 0n;
  }

  /**
   * Redis's streamTrim: drop whole nodes from the head while the strategy allows; then, unless
   * approximate, remove entries from the first remaining node. Returns entries removed.
   */
  trim(args: TrimArgs): number {
    let deleted = 0;
    const maxlen = args.maxlen ?? 0;
    const minid = args.minid ?? 0n;
    while (this.nodes.length > 0) {
      if (args.strategy === 'maxlen' && this.length <= maxlen) break;
      const n = this.nodes[0] as StreamNode;
      const live = n.entries.length;
      if (args.limit > 0 && deleted + live > args.limit) break;
      const removeNode = args.strategy === 'maxlen' ? this.length - live >= maxlen : n.tailId < minid;
      if (removeNode) {
        this.nodes.shift();
        this.length -= live;
        deleted += live;
        continue;
      }
      if (args.approx) break;
      let cut = 0;
      while (cut < live) {
        const stop = args.strategy === 'maxlen' ? this.length <= maxlen : (n.entries[cut] as StreamEntry).id >= minid;
        if (stop) break;
        cut++;
        this.length--;
      }
      n.entries.splice(0, cut);
      n.deleted += cut;
      deleted += cut;
      break;
    }
    if (deleted > 0 || this.length === 0) this.refreshFirst();
    return deleted;
  }

  /** The lag-related helpers of Redis 7.0 (streamRangeHasTombstones). */
  rangeHasTombstones(start: StreamId, end: StreamId = MAX_ID): boolean {
    if (this.length === 0 || this.maxDeletedId === 0n) return false;
    if (this.firstId > this.maxDeletedId) return false;
    return start <= this.maxDeletedId && this.maxDeletedId <= end;
  }

  /** streamEstimateDistanceFromFirstEverEntry: an ID's logical read counter, or -1 if unknown. */
  estimateDistance(id: StreamId): number {
    if (this.entriesAdded === 0) return 0;
    if (this.length === 0 && id <= this.lastId) return this.entriesAdded;
    if (id === this.lastId) return this.entriesAdded;
    if (id > this.lastId) return -1;
    if (this.maxDeletedId === 0n || this.maxDeletedId < this.firstId) {
      if (id < this.firstId) return this.entriesAdded - this.length;
      if (id === this.firstId) return this.entriesAdded - this.length + 1;
    }
    return -1;
  }

  /** A group's lag: entries not yet delivered to it, or null when fragmentation hides it. */
  groupLag(g: ConsumerGroup): number | null {
    if (this.entriesAdded === 0) return 0;
    if (g.entriesRead !== -1 && !this.rangeHasTombstones(g.lastId)) return this.entriesAdded - g.entriesRead;
    const read = this.estimateDistance(g.lastId);
    return read === -1 ? null : this.entriesAdded - read;
  }

  /** Group names in byte order, as Redis's radix tree lists them. */
  sortedGroups(): [string, ConsumerGroup][] {
    return [...this.groups].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
}
