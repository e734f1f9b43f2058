// Keyspace-event classes (notify-keyspace-events flags) and the observer port through
// which storage reports every change. WATCH, notifications, replication and snapshots
// subscribe here; storage itself knows none of them.

export const EventClass = {
  generic: 1 << 2, // g
  string: 1 << 3, // $
  list: 1 << 4, // l
  set: 1 << 5, // s
  hash: 1 << 6, // h
  zset: 1 << 7, // z
  expired: 1 << 8, // x
  evicted: 1 << 9, // e
  stream: 1 << 10, // t
  keyMiss: 1 << 11, // m
  module: 1 << 12, // d
  newKey: 1 << 13, // n
} as const;
export type EventClassBit = (typeof EventClass)[keyof typeof EventClass];

export interface KeyspaceObserver {
  /** A key's value or existence changed (Redis's signalModifiedKey). */
  keyModified(db: number, key: string): void;
  /** A key was removed because its TTL passed. */
  keyExpired(db: number, key: string): void;
  /** A key was removed to free memory (maxmemory). */
  keyEvicted(db: number, key: string): void;
  /** A keyspace notification (notifyKeyspaceEvent). */
  event(cls: number, event: string, key: string, db: number): void;
  /** Every key of the database is about to go (FLUSHDB/FLUSHALL); db -1 means all. */
  dbFlushing(db: number): void;
  /** Two databases swapped contents. */
  dbSwapped(a: number, b: number): void;
}

export const nullObserver: KeyspaceObserver = {
  keyModified: () => undefined,
  keyExpired: () => undefined,
  keyEvicted: () => undefined,
  event: () => undefined,
  dbFlushing: () => undefined,
  dbSwapped: () => undefined,
};
