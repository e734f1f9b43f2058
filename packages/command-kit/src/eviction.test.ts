// Eviction under maxmemory: allkeys policies evict any key (with the evicted event),
// volatile policies only keys with a TTL, and once nothing is left to evict the server
// refuses commands that would grow memory.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('eviction', () => {
  it('allkeys-lru evicts keys when maxmemory drops below the memory in use, notifying evicted', () => {
    const h = new Harness();
    const [c, sub] = [h.client(), h.client()];
    c.call('CONFIG', 'SET', 'notify-keyspace-events', 'Ee');
    sub.send('PSUBSCRIBE', '*');
    c.call('SET', 'foo', 'bar');
    c.call('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru');
    c.call('CONFIG', 'SET', 'maxmemory', 1);
    expect(sub.drain()).toEqual([['pmessage', '*', '__keyevent@0__:evicted', 'foo']]);
    expect(c.call('DBSIZE')).toBe(0);
    expect(h.core.keyspace.stats.evictedKeys).toBe(1);
  });

  it('volatile-ttl evicts only keys with a TTL, then refuses writes', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'keep', '1');
    c.call('SET', 'later', '1', 'EX', 100);
    c.call('SET', 'sooner', '1', 'EX', 10);
    c.call('CONFIG', 'SET', 'maxmemory-policy', 'volatile-ttl');
    c.call('CONFIG', 'SET', 'maxmemory-samples', 10);
    c.call('CONFIG', 'SET', 'maxmemory', 1);
    expect(c.call('KEYS', '*')).toEqual(['keep']);
    expect(c.call('SET', 'new', 'v')).toEqual({ error: "OOM command not allowed when used memory > 'maxmemory'." });
    expect(c.call('GET', 'keep')).toBe('1');
  });
});
