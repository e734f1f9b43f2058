// HSET sets pairs and counts new fields, converts listpack → hashtable on long arguments or
// many fields as Redis 7.0 does, and emits one hset event per call (dirty counts pairs).
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const WRONGTYPE = { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' };

describe('HSET', () => {
  it('answers how many fields were new and updates existing ones in place', () => {
    const c = new Harness().client();
    expect(c.call('HSET', 'h', 'a', '1', 'b', '2')).toBe(2);
    expect(c.call('HSET', 'h', 'a', '10', 'c', '3', 'c', '4')).toBe(1);
    expect(c.call('HGETALL', 'h')).toEqual(['a', '10', 'b', '2', 'c', '4']);
    expect(c.call('TYPE', 'h')).toEqual({ simple: 'hash' });
  });

  it('is binary safe, empty fields and values included', () => {
    const c = new Harness().client();
    expect(c.call('HSET', 'h', '', '', '\x00\xff', '\r\n')).toBe(2);
    expect(c.call('HGET', 'h', '')).toBe('');
    expect(c.call('HGET', 'h', '\x00\xff')).toBe('\r\n');
  });

  it('needs an even number of arguments after the key', () => {
    const c = new Harness().client();
    expect(c.call('HSET', 'h', 'a')).toEqual({ error: "ERR wrong number of arguments for 'hset' command" });
    expect(c.call('HSET', 'h', 'a', '1', 'b')).toEqual({ error: "ERR wrong number of arguments for 'hset' command" });
    expect(c.call('EXISTS', 'h')).toBe(0);
  });

  it('answers WRONGTYPE against another type and leaves it alone', () => {
    const c = new Harness().client();
    c.call('SET', 's', 'v');
    expect(c.call('HSET', 's', 'a', '1')).toEqual(WRONGTYPE);
    expect(c.call('GET', 's')).toBe('v');
  });

  it('stays listpack up to the limits and converts past them, never back', () => {
    const c = new Harness({ config: { 'hash-max-listpack-entries': '4', 'hash-max-listpack-value': '8' } }).client();
    c.call('HSET', 'small', 'a', '12345678', 'b', '2', 'c', '3', 'd', '4');
    expect(c.call('OBJECT', 'ENCODING', 'small')).toBe('listpack');
    c.call('HSET', 'small', 'e', '5');
    expect(c.call('OBJECT', 'ENCODING', 'small')).toBe('hashtable');
    c.call('HDEL', 'small', 'a', 'b', 'c', 'd');
    expect(c.call('OBJECT', 'ENCODING', 'small')).toBe('hashtable');
    c.call('HSET', 'longvalue', 'a', '123456789');
    expect(c.call('OBJECT', 'ENCODING', 'longvalue')).toBe('hashtable');
    c.call('HSET', 'longfield', 'abcdefghi', '1');
    expect(c.call('OBJECT', 'ENCODING', 'longfield')).toBe('hashtable');
  });

  it('converts on a long argument even when it changes nothing', () => {
    const c = new Harness({ config: { 'hash-max-listpack-value': '8' } }).client();
    c.call('HSET', 'h', 'a', '1');
    expect(c.call('HSET', 'h', 'a', '1', 'a', '123456789', 'a', '1')).toBe(0);
    expect(c.call('OBJECT', 'ENCODING', 'h')).toBe('hashtable');
    expect(c.call('HGET', 'h', 'a')).toBe('1');
  });

  it('follows CONFIG SET for later writes', () => {
    const c = new Harness().client();
    c.call('HSET', 'h', 'a', '1');
    c.call('CONFIG', 'SET', 'hash-max-ziplist-entries', '1');
    expect(c.call('OBJECT', 'ENCODING', 'h')).toBe('listpack');
    c.call('HSET', 'h', 'b', '2');
    expect(c.call('OBJECT', 'ENCODING', 'h')).toBe('hashtable');
    expect(c.call('HGETALL', 'h')).toEqual(['a', '1', 'b', '2']);
  });

  it('emits hset once per call, and counts one change per pair', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'KEA' } });
    const c = h.client();
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@0__:*');
    const dirty = h.keyspace.stats.dirty;
    c.call('HSET', 'h', 'a', '1', 'b', '2', 'a', '3');
    expect(h.keyspace.stats.dirty - dirty).toBe(3);
    expect(s.drain()).toEqual([
      ['pmessage', '__keyevent@0__:*', '__keyevent@0__:hset', 'h'],
    ]);
  });

  it('invalidates a WATCH on the key', () => {
    const h = new Harness();
    const c = h.client();
    const other = h.client();
    c.call('WATCH', 'h');
    other.call('HSET', 'h', 'a', '1');
    c.call('MULTI');
    c.call('HGET', 'h', 'a');
    expect(c.call('EXEC')).toBeNull();
  });

  it('digests as redis-server does, whatever the encoding', () => {
    const c = new Harness({ config: { 'enable-debug-command': 'yes' } }).client();
    c.call('HSET', 'h', 'a', '1', 'b', '2', 'ccc', '333');
    expect(c.call('DEBUG', 'DIGEST-VALUE', 'h')).toEqual([{ simple: 'e0cb76bf49222fe7ce8f95f7f3d4f6a48c21b137' }]);
    expect(c.call('DEBUG', 'DIGEST')).toEqual({ simple: '970b6b5531867867b6e5b7536ac272614e258b2a' });
    c.call('CONFIG', 'SET', 'hash-max-listpack-entries', '1');
    c.call('HSET', 'h2', 'ccc', '333', 'b', '2', 'a', '1');
    expect(c.call('OBJECT', 'ENCODING', 'h2')).toBe('hashtable');
    expect(c.call('DEBUG', 'DIGEST-VALUE', 'h2')).toEqual([{ simple: 'e0cb76bf49222fe7ce8f95f7f3d4f6a48c21b137' }]);
  });
});
