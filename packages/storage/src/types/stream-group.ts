// Consumer groups of a stream: each group's last-delivered ID, entries-read counter, its
// pending entries list (PEL) of NACKs in ID order, and its consumers, each with its own
// PEL sharing the group's NACK objects. Commands own the delivery rules and replies.

import type { StreamId } from './stream-id.js';

/** IDs in order with a value each: a sorted array for order, a Map for lookups. */
export class IdMap<T> {
  private readonly keys: StreamId[] = [];
  private readonly values = new Map<StreamId, T>();

  get size(): number {
    return this.keys.length;
  }

  get(id: StreamId): T | undefined {
    return this.values.get(id);
  }

  has(id: StreamId): boolean {
    return this.values.has(id);
  }

  /** Index of the first key >= id. */
  private seek(id: StreamId): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] as StreamId) < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  set(id: StreamId, v: T): void {
    if (!this.values.has(id)) {
      const n = this.keys.length;
      if (n === 0 || (this.keys[n - 1] as StreamId) < id) this.keys.push(id);
      else this.keys.splice(this.seek(id), 0, id);
    }
    this.values.set(id, v);
  }

  delete(id: StreamId): boolean {
    if (!this.values.delete(id)) return false;
    this.keys.splice(this.seek(id), 1);
    return true;
  }

  first(): StreamId | undefined {
    return this.keys[0];
  }

  last(): StreamId | undefined {
    return this.keys[this.keys.length - 1];
  }

  /** Entries with start <= id <= end in order, at most `count` (0 = all). */
  range(start: StreamId, end: StreamId, count = 0): [StreamId, T][] {
    const out: [StreamId, T][] = [];
    for (let i = this.seek(start); i < this.keys.length; i++) {
      const k = this.keys[i] as StreamId;
      if (k > end) break;
      out.push([k, this.values.get(k) as T]);
      if (count > 0 && out.length >= count) break;
    }
    return out;
  }
}

export interface Nack {
  deliveryTimeMs: number;
  deliveryCount: number;
  consumer: Consumer;
}

export class Consumer {
  readonly pel = new IdMap<Nack>();
  constructor(readonly name: string, public seenTimeMs: number) {}
}

/** Redis's SCG_INVALID_ENTRIES_READ. */
export const INVALID_ENTRIES_READ = -1;

export class ConsumerGroup {
  readonly pel = new IdMap<Nack>();
  readonly consumers = new Map<string, Consumer>();

  constructor(public lastId: StreamId, public entriesRead: number) {}

  consumer(name: string): Consumer | undefined {
    return this.consumers.get(name);
  }

  createConsumer(name: string, nowMs: number): Consumer {
    const c = new Consumer(name, nowMs);
    this.consumers.set(name, c);
    return c;
  }

  /** Remove a consumer and its pending entries from the group; returns how many were pending. */
  deleteConsumer(c: Consumer): number {
    const pending = c.pel.size;
    for (const [id] of c.pel.range(0n, (1n << 128n) - 1n)) this.pel.delete(id);
    this.consumers.delete(c.name);
    return pending;
  }

  /** Consumer names in byte order, as Redis's radix tree lists them. */
  sortedConsumers(): Consumer[] {
    return [...this.consumers.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  clone(): ConsumerGroup {
    const g = new ConsumerGroup(this.lastId, this.entriesRead);
    for (const c of this.consumers.values()) g.createConsumer(c.name, c.seenTimeMs);
    for (const [id, n] of this.pel.range(0n, (1n << 128n) - 1n)) {
      const owner = g.consumers.get(n.consumer.name) as Consumer;
      const copy: Nack = { deliveryTimeMs: n.deliveryTimeMs, deliveryCount: n.deliveryCount, consumer: owner };
      g.pel.set(id, copy);
      owner.pel.set(id, copy);
    }
    return g;
  }
}
