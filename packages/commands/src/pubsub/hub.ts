// Pub/sub routing: channel and pattern subscriptions, shard channels, and message
// delivery as RESP2 arrays or RESP3 pushes. Sessions keep their own subscription sets;
// the hub keeps the reverse index.

import type { ClientSession, PubSubPort } from '@cinnabar/command-kit';
import { globMatch } from '@cinnabar/common';
import { reply } from '@cinnabar/resp';

export class PubSubHub implements PubSubPort {
  private readonly channelSubs = new Map<string, Set<ClientSession>>();
  private readonly shardSubs = new Map<string, Set<ClientSession>>();
  private readonly patternSubs = new Map<string, Set<ClientSession>>();

  subscribe(c: ClientSession, channel: string): boolean {
    return add(this.channelSubs, c.channels, c, channel);
  }
  unsubscribe(c: ClientSession, channel: string): boolean {
    return remove(this.channelSubs, c.channels, c, channel);
  }
  ssubscribe(c: ClientSession, channel: string): boolean {
    return add(this.shardSubs, c.shardChannels, c, channel);
  }
  sunsubscribe(c: ClientSession, channel: string): boolean {
    return remove(this.shardSubs, c.shardChannels, c, channel);
  }
  psubscribe(c: ClientSession, pattern: string): boolean {
    return add(this.patternSubs, c.patterns, c, pattern);
  }
  punsubscribe(c: ClientSession, pattern: string): boolean {
    return remove(this.patternSubs, c.patterns, c, pattern);
  }

  /** Deliver to the channel's subscribers, then to each matching pattern's; returns the deliveries. */
  publish(channel: string, message: string): number {
    let n = 0;
    const subs = this.channelSubs.get(channel);
    if (subs) {
      const msg = reply.push(['message', channel, message]);
      for (const c of subs) c.push(msg);
      n += subs.size;
    }
    for (const [pattern, set] of this.patternSubs) {
      if (!globMatch(pattern, channel)) continue;
      const msg = reply.push(['pmessage', pattern, channel, message]);
      for (const c of set) c.push(msg);
      n += set.size;
    }
    return n;
  }

  /** Shard channels ignore patterns. */
  spublish(channel: string, message: string): number {
    const subs = this.shardSubs.get(channel);
    if (!subs) return 0;
    const msg = reply.push(['smessage', channel, message]);
    for (const c of subs) c.push(msg);
    return subs.size;
  }

  dropClient(c: ClientSession): void {
    for (const ch of [...c.channels]) this.unsubscribe(c, ch);
    for (const ch of [...c.shardChannels]) this.sunsubscribe(c, ch);
    for (const p of [...c.patterns]) this.punsubscribe(c, p);
  }

  channels(pattern: string | null, shard: boolean): string[] {
    const map = shard ? this.shardSubs : this.channelSubs;
    const out: string[] = [];
    for (const ch of map.keys()) if (pattern === null || globMatch(pattern, ch)) out.push(ch);
    return out;
  }

  numsub(channel: string, shard: boolean): number {
    return (shard ? this.shardSubs : this.channelSubs).get(channel)?.size ?? 0;
  }

  numpat(): number {
    return this.patternSubs.size;
  }

  /** True when nobody listens at all: notifications can skip building their messages. */
  get idle(): boolean {
    return this.channelSubs.size === 0 && this.patternSubs.size === 0;
  }
}

function add(index: Map<string, Set<ClientSession>>, own: Set<string>, c: ClientSession, name: string): boolean {
  if (own.has(name)) return false;
  own.add(name);
  let set = index.get(name);
  if (set === undefined) index.set(name, (set = new Set()));
  set.add(c);
  return true;
}

function remove(index: Map<string, Set<ClientSession>>, own: Set<string>, c: ClientSession, name: string): boolean {
  if (!own.delete(name)) return false;
  const set = index.get(name);
  if (set) {
    set.delete(c);
    if (set.size === 0) index.delete(name);
  }
  return true;
}
