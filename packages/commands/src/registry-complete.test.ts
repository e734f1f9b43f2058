// The command registry is complete: every command and subcommand the foundation and
// data-type issues list is registered, once.
import { describe, expect, it } from 'vitest';
import { allCommands } from './index.js';

const REQUIRED = `del unlink exists type rename renamenx copy move swapdb randomkey keys scan dbsize flushdb flushall touch expire pexpire expireat pexpireat ttl pttl expiretime pexpiretime persist object|encoding object|refcount object|idletime object|freq object|help
get set getex getdel getset setnx setex psetex mget mset msetnx append strlen incr decr incrby decrby incrbyfloat getrange substr setrange lcs setbit getbit bitcount bitpos bitop bitfield bitfield_ro
ping echo quit reset hello auth select client|id client|info client|list client|kill client|setname client|getname client|setinfo client|reply client|no-evict client|no-touch client|pause client|unpause command command|count command|info command|docs command|list command|getkeys info config|get config|set config|resetstat config|rewrite time debug shutdown monitor slowlog|get latency|latest memory|usage
multi exec discard watch unwatch subscribe unsubscribe psubscribe punsubscribe ssubscribe sunsubscribe spublish publish pubsub|channels pubsub|numsub pubsub|numpat pubsub|shardchannels pubsub|shardnumsub
lpush rpush lpushx rpushx lpop rpop llen lindex linsert lpos lrange lrem lset ltrim lmove rpoplpush lmpop blpop brpop blmove brpoplpush blmpop
hset hsetnx hget hmget hmset hdel hexists hlen hkeys hvals hgetall hincrby hincrbyfloat hstrlen hrandfield hscan
sadd srem smembers sismember smismember scard spop srandmember smove sinter sintercard sinterstore sunion sunionstore sdiff sdiffstore sscan
zadd zincrby zrem zcard zcount zlexcount zscore zmscore zrank zrevrank zrange zrangestore zrangebyscore zrevrangebyscore zrangebylex zrevrangebylex zrevrange zremrangebyrank zremrangebyscore zremrangebylex zunion zinter zdiff zunionstore zinterstore zdiffstore zintercard zpopmin zpopmax zmpop bzpopmin bzpopmax bzmpop zrandmember zscan
xadd xrange xrevrange xlen xdel xtrim xread xgroup|create xgroup|setid xgroup|destroy xgroup|createconsumer xgroup|delconsumer xreadgroup xack xpending xclaim xautoclaim xinfo|stream xinfo|groups xinfo|consumers xsetid
pfadd pfcount pfmerge pfdebug pfselftest geoadd geodist geohash geopos georadius georadiusbymember georadius_ro georadiusbymember_ro geosearch geosearchstore sort sort_ro client|unblock`.split(/\s+/);

describe('command registry', () => {
  it('registers every required command and subcommand', () => {
    const names = new Set<string>();
    for (const c of allCommands) {
      names.add(c.name);
      for (const s of c.subcommands?.values() ?? []) names.add(s.name);
    }
    expect(REQUIRED.filter((n) => !names.has(n))).toEqual([]);
  });

  it('registers no command twice', () => {
    const names = allCommands.map((c) => c.name);
    expect(names.length).toBe(new Set(names).size);
  });
});
