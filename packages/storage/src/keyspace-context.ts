// What a database needs from its surroundings: time, randomness, the observer, stats,
// and a few switches the dispatcher flips per command.

import type { Clock, Random } from '@cinnabar/common';
import type { EncodingLimits } from './encoding-limits.js';
import type { KeyspaceObserver } from './events.js';
import type { SnapshotHook } from './snapshot.js';

export interface KeyspaceStats {
  keyspaceHits: number;
  keyspaceMisses: number;
  expiredKeys: number;
  expiredStalePerc: number;
  expiredTimeCapReachedCount: number;
  evictedKeys: number;
  /** Writes since the last save (rdb_changes_since_last_save). */
  dirty: number;
}

export interface KeyspaceContext {
  nowMs(): number;
  readonly random: Random;
  readonly limits: EncodingLimits;
  readonly clock: Clock;
  observer: KeyspaceObserver;
  readonly stats: KeyspaceStats;
  /** False while a NO-TOUCH client or an introspection command looks keys up. */
  touchEnabled: boolean;
  /** Seconds clock (24 bits) stamped on accessed entries. */
  lruClock: number;
  isReplica(): boolean;
  /** True while a dataset loads: keys do not expire meanwhile. */
  readonly loading: boolean;
  /** The running point-in-time snapshot, or null. */
  readonly snapshot: SnapshotHook | null;
  /** Visit bit new entries are born with (see snapshot.ts). */
  readonly visitBit: number;
  /** True while expired keys must stay (CLIENT PAUSE): they read as absent but are not deleted. */
  expiryHeld(): boolean;
}
