// Keyspace notifications: turns storage events into pub/sub messages on
// __keyspace@<db>__:<key> and __keyevent@<db>__:<event>, filtered by notify-keyspace-events.

import { NOTIFY_KEYEVENT, NOTIFY_KEYSPACE } from '@cinnabar/command-kit';
import type { PubSubHub } from './hub.js';

export class KeyspaceNotifier {
  /** The parsed notify-keyspace-events mask; 0 disables everything. */
  flags = 0;

  constructor(private readonly hub: PubSubHub) {}

  event(cls: number, event: string, key: string, db: number): void {
    const flags = this.flags;
    if ((flags & cls) === 0 || this.hub.idle) return;
    if (flags & NOTIFY_KEYSPACE) this.hub.publish(`__keyspace@${db}__:${key}`, event);
    if (flags & NOTIFY_KEYEVENT) this.hub.publish(`__keyevent@${db}__:${event}`, key);
  }
}
