// A keyspace holding every common shape of value (strings short, long and integer, lists,
// hashes, sets, sorted sets, keys with and without a TTL, several databases) and its RDB image,
// for the loader's and the file source's tests.

import { Buffer } from 'node:buffer';
import { FakeClock, SeededRandom } from '@cinnabar/common';
import { HashValue, Keyspace, ListValue, SetValue, ZSetValue } from '@cinnabar/storage';
import { encodeRdb, liveSource } from './rdb-save.js';

export function fixtureKeyspace(): Keyspace {
  return new Keyspace({ databases: 4, clock: new FakeClock(), random: new SeededRandom(11) });
}

/** `n` keys spread over databases 0, 1 and 3. */
export function fillKeyspace(ks: Keyspace, n: number): void {
  const lim = ks.limits;
  for (let i = 0; i < n; i++) {
    const db = ks.db([0, 1, 3][i % 3] as number);
    const key = `key:${i}`;
    const ttl = i % 7 === 0 ? ks.nowMs() + 3_600_000 + i : 0;
    switch (i % 6) {
      case 0: db.add(key, `value:${i}`.padEnd(300, 'z'), ttl); break;
      case 1: db.add(key, String(i * 1000), ttl); break;
      case 2: db.add(key, ListValue.from(['a', String(i), 'c'.repeat(i % 50)]), ttl); break;
      case 3: db.add(key, HashValue.fromPairs(['f1', 'f2'], [String(i), 'v'.repeat(i % 90)], lim), ttl); break;
      case 4: db.add(key, SetValue.of([String(i), String(i + 1), `m${i}`], lim), ttl); break;
      default: db.add(key, ZSetValue.from([['a', i], ['b', i / 3]], lim), ttl); break;
    }
  }
}

/** The keyspace's RDB image with fixed AUX fields, so equal keyspaces give equal bytes. */
export function rdbImage(ks: Keyspace, compress = true): Buffer {
  return encodeRdb(liveSource(ks), { compress, checksum: true, aux: [['redis-ver', '7.0.15'], ['ctime', 1]], access: null });
}
