// The three subscription kinds (channels, patterns, shard channels) and the replies their
// (un)subscribe commands send: one [kind, name, count] confirmation per name, as a push.
// Counts follow Redis: channels + patterns together, shard channels on their own.

import type { ClientSession, PubSubPort } from '@cinnabar/command-kit';
import { reply } from '@cinnabar/resp';

export interface SubscriptionKind {
  readonly subscribe: string;
  readonly unsubscribe: string;
  own(c: ClientSession): ReadonlySet<string>;
  add(hub: PubSubPort, c: ClientSession, name: string): boolean;
  remove(hub: PubSubPort, c: ClientSession, name: string): boolean;
  count(c: ClientSession): number;
}

const plainCount = (c: ClientSession): number => c.channels.size + c.patterns.size;

export const CHANNELS: SubscriptionKind = {
  subscribe: 'subscribe', unsubscribe: 'unsubscribe', own: (c) => c.channels, count: plainCount,
  add: (hub, c, name) => hub.subscribe(c, name), remove: (hub, c, name) => hub.unsubscribe(c, name),
};

export const PATTERNS: SubscriptionKind = {
  subscribe: 'psubscribe', unsubscribe: 'punsubscribe', own: (c) => c.patterns, count: plainCount,
  add: (hub, c, name) => hub.psubscribe(c, name), remove: (hub, c, name) => hub.punsubscribe(c, name),
};

export const SHARD_CHANNELS: SubscriptionKind = {
  subscribe: 'ssubscribe', unsubscribe: 'sunsubscribe', own: (c) => c.shardChannels, count: (c) => c.shardChannels.size,
  add: (hub, c, name) => hub.ssubscribe(c, name), remove: (hub, c, name) => hub.sunsubscribe(c, name),
};

/**
 * Confirmations bypass CLIENT REPLY OFF like any push; inside EXEC they become elements of
 * EXEC's array instead, where Redis writes them too.
 */
function confirm(c: ClientSession, kind: string, name: string | null, count: number): void {
  const r = reply.push([kind, name, count]);
  if (c.inExec) c.reply(r);
  else c.push(r);
}

export function subscribeTo(kind: SubscriptionKind, c: ClientSession, argv: readonly string[]): undefined {
  const hub = c.server.pubsub;
  for (let i = 1; i < argv.length; i++) {
    const name = argv[i] as string;
    kind.add(hub, c, name);
    confirm(c, kind.subscribe, name, kind.count(c));
  }
  return undefined;
}

/** Unsubscribe from the names given, or from all when none are: "nothing" still gets one reply. */
export function unsubscribeFrom(kind: SubscriptionKind, c: ClientSession, argv: readonly string[]): undefined {
  const hub = c.server.pubsub;
  const names = argv.length > 1 ? argv.slice(1) : [...kind.own(c)];
  for (const name of names) {
    kind.remove(hub, c, name);
    confirm(c, kind.unsubscribe, name, kind.count(c));
  }
  if (names.length === 0) confirm(c, kind.unsubscribe, null, kind.count(c));
  return undefined;
}
