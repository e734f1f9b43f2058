// What the fuzzer's valid frames are made of: Redis 7.0's command names (with subcommands),
// minus those that would leave the machine, touch files, stop or pause the server, or lock
// out the health check; and the pools arguments are drawn from.

/** Redis 7.0 commands as name:arity (":b" marks blocking ones); "a-b" is command A, subcommand B. */
const TABLE = `acl-cat:-2 acl-dryrun:-4 acl-genpass:-2 acl-getuser:3 acl-help:2 acl-list:2 acl-log:-2 acl-users:2
acl-whoami:2 acl:-2 append:3 auth:-2 bitcount:-2 bitfield:-2 bitfield_ro:-2 bitop:-4 bitpos:-3 blmove:6:b
blmpop:-5:b blpop:-3:b brpop:-3:b brpoplpush:4:b bzmpop:-5:b bzpopmax:-3:b bzpopmin:-3:b client-caching:3
client-getname:2 client-getredir:2 client-help:2 client-id:2 client-info:2 client-list:-2 client-no-evict:3
client-reply:3 client-setname:3 client-tracking:-3 client-trackinginfo:2 client-unblock:-3 client-unpause:2
client:-2 command-count:2 command-docs:-2 command-getkeys:-4 command-getkeysandflags:-4 command-help:2
command-info:-2 command-list:-2 command:-1 config-get:-3 config-help:2 config-resetstat:2 config:-2 copy:-3
dbsize:1 decr:2 decrby:3 del:-2 discard:1 dump:2 echo:2 eval:-3 eval_ro:-3 evalsha:-3 evalsha_ro:-3 exec:1
exists:-2 expire:-3 expireat:-3 expiretime:2 fcall:-3 fcall_ro:-3 flushall:-1 flushdb:-1 function-delete:3
function-dump:2 function-flush:-2 function-help:2 function-kill:2 function-list:-2 function-load:-3
function-restore:-3 function-stats:2 function:-2 geoadd:-5 geodist:-4 geohash:-2 geopos:-2 georadius:-6
georadius_ro:-6 georadiusbymember:-5 georadiusbymember_ro:-5 geosearch:-7 geosearchstore:-8 get:2 getbit:3
getdel:2 getex:-2 getrange:4 getset:3 hdel:-3 hello:-1 hexists:3 hget:3 hgetall:2 hincrby:4 hincrbyfloat:4
hkeys:2 hlen:2 hmget:-3 hmset:-4 hrandfield:-2 hscan:-3 hset:-4 hsetnx:4 hstrlen:3 hvals:2 incr:2 incrby:3
incrbyfloat:3 info:-1 keys:2 lastsave:1 latency-doctor:2 latency-graph:3 latency-help:2 latency-histogram:-2
latency-history:3 latency-latest:2 latency-reset:-2 latency:-2 lcs:-3 lindex:3 linsert:5 llen:2 lmove:5
lmpop:-4 lpop:-2 lpos:-3 lpush:-3 lpushx:-3 lrange:4 lrem:4 lset:4 ltrim:4 memory-doctor:2 memory-help:2
memory-malloc-stats:2 memory-purge:2 memory-stats:2 memory-usage:-3 memory:-2 mget:-2 move:3 mset:-3
msetnx:-3 multi:1 object-encoding:3 object-freq:3 object-help:2 object-idletime:3 object-refcount:3
object:-2 persist:2 pexpire:-3 pexpireat:-3 pexpiretime:2 pfadd:-2 pfcount:-2 pfmerge:-2 ping:-1 psetex:4
psubscribe:-2 pttl:2 publish:3 pubsub-channels:-2 pubsub-help:2 pubsub-numpat:2 pubsub-numsub:-2
pubsub-shardchannels:-2 pubsub-shardnumsub:-2 pubsub:-2 punsubscribe:-1 quit:-1 randomkey:1 rename:3
renamenx:3 reset:1 restore:-4 role:1 rpop:-2 rpoplpush:3 rpush:-3 rpushx:-3 sadd:-3 scan:-2 scard:2
script-exists:-3 script-flush:-2 script-help:2 script-kill:2 script-load:3 script:-2 sdiff:-2 sdiffstore:-3
select:2 set:-3 setbit:4 setex:4 setnx:3 setrange:4 sinter:-2 sintercard:-3 sinterstore:-3 sismember:3
slowlog-get:-2 slowlog-help:2 slowlog-len:2 slowlog-reset:2 slowlog:-2 smembers:2 smismember:-3 smove:4
sort:-2 sort_ro:-2 spop:-2 spublish:3 srandmember:-2 srem:-3 sscan:-3 ssubscribe:-2 strlen:2 subscribe:-2
substr:4 sunion:-2 sunionstore:-3 sunsubscribe:-1 swapdb:3 time:1 touch:-2 ttl:2 type:2 unlink:-2
unsubscribe:-1 unwatch:1 watch:-2 xack:-4 xadd:-5 xautoclaim:-6 xclaim:-6 xdel:-3 xgroup-create:-5
xgroup-createconsumer:5 xgroup-delconsumer:5 xgroup-destroy:4 xgroup-help:2 xgroup-setid:-5 xgroup:-2
xinfo-consumers:4 xinfo-groups:3 xinfo-help:2 xinfo-stream:-3 xinfo:-2 xlen:2 xpending:-3 xrange:-4
xread:-4:b xreadgroup:-7:b xrevrange:-4 xsetid:-3 xtrim:-4 zadd:-4 zcard:2 zcount:4 zdiff:-3 zdiffstore:-4
zincrby:4 zinter:-3 zintercard:-3 zinterstore:-4 zlexcount:4 zmpop:-4 zmscore:-3 zpopmax:-2 zpopmin:-2
zrandmember:-2 zrange:-4 zrangebylex:-4 zrangebyscore:-4 zrangestore:-5 zrank:3 zrem:-3 zremrangebylex:4
zremrangebyrank:4 zremrangebyscore:4 zrevrange:-4 zrevrangebylex:-4 zrevrangebyscore:-4 zrevrank:3 zscan:-3
zscore:3 zunion:-3 zunionstore:-4`;

/**
 * Left out on purpose: SHUTDOWN, DEBUG, MIGRATE, REPLICAOF/SLAVEOF, SYNC/PSYNC/REPLCONF,
 * FAILOVER, CLUSTER *, SENTINEL *, MODULE *, SAVE/BGSAVE/BGREWRITEAOF, ACL SAVE/LOAD/SETUSER/
 * DELUSER (could lock out the PING check), CONFIG SET/REWRITE, CLIENT PAUSE/KILL, MONITOR,
 * WAIT, PFSELFTEST/PFDEBUG, LOLWUT, SCRIPT DEBUG, READONLY/READWRITE/ASKING.
 */
export const COMMANDS = TABLE.split(/\s+/).filter(Boolean).map((entry) => {
  const [name, arity, flag] = entry.split(':');
  return { words: name.toUpperCase().split('-'), arity: Number(arity), blocking: flag === 'b' };
});

/**
 * Commands whose numeric arguments size an allocation (bit offsets, string offsets, random
 * counts that repeat members): they only get small numbers, so memory stays bounded by design
 * and the RSS check measures the server rather than the fuzzer's requests.
 */
export const SMALL_NUMBERS_ONLY = new Set(['SETBIT', 'SETRANGE', 'BITFIELD', 'BITFIELD_RO', 'SRANDMEMBER', 'HRANDFIELD', 'ZRANDMEMBER']);

export const KEYS = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5', '{t}a', '{t}b', 'key:1', '', 'k\r\nx', '\x00\xff'];

export const INTEGERS = ['0', '1', '-1', '2', '3', '5', '10', '100', '-100', '2147483647', '2147483648',
  '-2147483648', '4294967296', '9223372036854775807', '9223372036854775808', '-9223372036854775808',
  '-9223372036854775809', '18446744073709551615', '99999999999999999999', '007', '+1', '1 ', ' 1', '0x10', '1e3', ''];

export const FLOATS = ['0.5', '-0', '1.5', '-1.5', 'inf', '+inf', '-inf', 'nan', '1e308', '1e309', '-1e-320',
  '3.0000000000000001', '1.', '.5', '(1', '(-inf', '[a', '(a', '-', '+', '1e', 'infinity'];

export const KEYWORDS = ['EX', 'PX', 'EXAT', 'PXAT', 'NX', 'XX', 'GT', 'LT', 'KEEPTTL', 'GET', 'CH', 'INCR',
  'WITHSCORES', 'WITHSCORE', 'LIMIT', 'COUNT', 'MATCH', 'TYPE', 'BY', 'STORE', 'ASC', 'DESC', 'ALPHA', 'REV',
  'BYSCORE', 'BYLEX', 'LEFT', 'RIGHT', 'BEFORE', 'AFTER', 'IDLE', 'TIME', 'RETRYCOUNT', 'FORCE', 'JUSTID',
  'MAXLEN', 'MINID', 'NOMKSTREAM', 'STREAMS', 'BLOCK', 'GROUP', 'NOACK', 'MKSTREAM', 'ENTRIESREAD', 'RANK',
  'WEIGHTS', 'AGGREGATE', 'SUM', 'MIN', 'MAX', 'LEN', 'IDX', 'MINMATCHLEN', 'WITHMATCHLEN', 'REPLACE',
  'ABSTTL', 'FREQ', 'IDLETIME', 'DB', 'KEYS', 'PERSIST', 'ON', 'OFF', 'SKIP', 'YES', 'NO', 'SYNC', 'ASYNC',
  'FIELDS', 'SETNAME', 'AUTH', 'OVERFLOW', 'WRAP', 'SAT', 'FAIL', 'INCRBY', 'SET', 'u8', 'i64', 'u63',
  'FROMMEMBER', 'FROMLONLAT', 'BYRADIUS', 'BYBOX', 'm', 'km', 'WITHCOORD', 'WITHDIST', 'WITHHASH', 'ANY',
  'STOREDIST', 'BCAST', 'PREFIX', 'OPTIN', 'OPTOUT', 'NOLOOP', 'REDIRECT', 'default', 'FULL', '~', '='];

export const IDS = ['*', '$', '>', '0', '0-0', '0-1', '1-1', '1-*', '18446744073709551615-18446744073709551615', '-', '+'];
