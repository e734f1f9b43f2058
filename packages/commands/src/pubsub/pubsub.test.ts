// PUBSUB introspection as Redis 7.0: CHANNELS and SHARDCHANNELS with optional pattern,
// NUMSUB and SHARDNUMSUB as flat [name, count] arrays, NUMPAT unique patterns, HELP text.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('PUBSUB', () => {
  it('CHANNELS lists channels with subscribers, filtered by a pattern', () => {
    const h = new Harness();
    const [a, b, r] = [h.client(), h.client(), h.client()];
    a.send('SUBSCRIBE', 'news.1', 'news.2');
    b.send('SUBSCRIBE', 'sport', 'news.1');
    b.send('PSUBSCRIBE', 'news.*');
    expect(r.call('PUBSUB', 'CHANNELS')).toEqual(['news.1', 'news.2', 'sport']);
    expect(r.call('PUBSUB', 'channels', 'news.*')).toEqual(['news.1', 'news.2']);
    expect(r.call('PUBSUB', 'CHANNELS', 'x*')).toEqual([]);
    a.send('UNSUBSCRIBE', 'news.2');
    expect(r.call('PUBSUB', 'CHANNELS')).toEqual(['news.1', 'sport']);
  });

  it('NUMSUB counts channel subscribers, not pattern ones, and returns integers', () => {
    const h = new Harness();
    const [a, b, r] = [h.client(), h.client(), h.client()];
    a.send('SUBSCRIBE', 'chan1');
    b.send('SUBSCRIBE', 'chan1');
    b.send('PSUBSCRIBE', 'chan*');
    expect(r.call('PUBSUB', 'NUMSUB', 'chan1', 'abc')).toEqual(['chan1', 2, 'abc', 0]);
    expect(r.call('PUBSUB', 'NUMSUB')).toEqual([]);
  });

  it('NUMPAT counts unique patterns across clients', () => {
    const h = new Harness();
    const [a, b, r] = [h.client(), h.client(), h.client()];
    a.send('PSUBSCRIBE', 'foo*', 'bar*');
    b.send('PSUBSCRIBE', 'foo*', 'baz*');
    expect(r.call('PUBSUB', 'NUMPAT')).toBe(3);
    a.send('PUNSUBSCRIBE');
    expect(r.call('PUBSUB', 'NUMPAT')).toBe(2);
  });

  it('SHARDCHANNELS and SHARDNUMSUB see shard channels only', () => {
    const h = new Harness();
    const [a, b, r] = [h.client(), h.client(), h.client()];
    a.send('SSUBSCRIBE', 'chan1');
    b.send('SSUBSCRIBE', 'chan1');
    b.send('SUBSCRIBE', 'plain');
    expect(r.call('PUBSUB', 'SHARDCHANNELS')).toEqual(['chan1']);
    expect(r.call('PUBSUB', 'SHARDCHANNELS', 'x*')).toEqual([]);
    expect(r.call('PUBSUB', 'SHARDNUMSUB', 'chan1', 'plain')).toEqual(['chan1', 2, 'plain', 0]);
    expect(r.call('PUBSUB', 'CHANNELS')).toEqual(['plain']);
  });

  it('too many arguments to CHANNELS is the subcommand syntax error', () => {
    const c = new Harness().client();
    expect(c.call('PUBSUB', 'channels', 'a', 'b')).toEqual({
      error: "ERR unknown subcommand or wrong number of arguments for 'channels'. Try PUBSUB HELP.",
    });
    expect(c.call('PUBSUB', 'SHARDCHANNELS', 'a', 'b')).toEqual({
      error: "ERR unknown subcommand or wrong number of arguments for 'SHARDCHANNELS'. Try PUBSUB HELP.",
    });
  });

  it('unknown subcommands, bad arity and no subcommand are refused with Redis texts', () => {
    const c = new Harness().client();
    expect(c.call('PUBSUB', 'foo')).toEqual({ error: "ERR unknown subcommand 'foo'. Try PUBSUB HELP." });
    expect(c.call('PUBSUB', 'NUMPAT', 'x')).toEqual({ error: "ERR wrong number of arguments for 'pubsub|numpat' command" });
    expect(c.call('PUBSUB', 'HELP', 'x')).toEqual({ error: "ERR wrong number of arguments for 'pubsub|help' command" });
    expect(c.call('PUBSUB')).toEqual({ error: "ERR wrong number of arguments for 'pubsub' command" });
  });

  it('HELP lists the subcommands as status lines', () => {
    const c = new Harness().client();
    const help = c.call('PUBSUB', 'help') as { simple: string }[];
    expect(help).toHaveLength(14);
    expect(help[0]).toEqual({ simple: 'PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:' });
    expect(help[1]).toEqual({ simple: 'CHANNELS [<pattern>]' });
    expect(help[12]).toEqual({ simple: 'HELP' });
    expect(help[13]).toEqual({ simple: '    Prints this help.' });
  });
});
