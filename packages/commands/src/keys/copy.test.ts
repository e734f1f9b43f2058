// COPY duplicates a key (value and TTL) within or across databases, REPLACE overwriting.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('COPY', () => {
  it('copies a string within the database', () => {
    const c = new Harness().client();
    c.call('SET', 'a', 'foobar');
    expect(c.call('COPY', 'a', 'b')).toBe(1);
    expect(c.call('GET', 'b')).toBe('foobar');
    expect(c.call('DBSIZE')).toBe(2);
  });

  it('copies to another database with DB, independent of the source', () => {
    const c = new Harness().client();
    c.call('SET', 'a', 'foobar');
    expect(c.call('COPY', 'a', 'b', 'DB', 10)).toBe(1);
    c.call('SELECT', 10);
    expect(c.call('GET', 'b')).toBe('foobar');
    c.call('SET', 'b', 'hoge');
    c.call('SELECT', 0);
    expect(c.call('GET', 'a')).toBe('foobar');
  });

  it('refuses an existing destination without REPLACE and overwrites with it', () => {
    const c = new Harness().client();
    c.call('SET', 'a', 'new');
    c.call('SET', 'b', 'old');
    expect(c.call('COPY', 'a', 'b')).toBe(0);
    expect(c.call('GET', 'b')).toBe('old');
    expect(c.call('COPY', 'a', 'b', 'REPLACE')).toBe(1);
    expect(c.call('GET', 'b')).toBe('new');
  });

  it('copies the TTL and creates none when the source has none', () => {
    const c = new Harness().client();
    c.call('SET', 'a', 'v', 'EX', 100);
    c.call('COPY', 'a', 'b');
    expect(c.call('TTL', 'b')).toBe(100);
    c.call('SET', 'c', 'v');
    c.call('COPY', 'c', 'b', 'REPLACE');
    expect(c.call('TTL', 'b')).toBe(-1);
  });

  it('answers 0 for a missing source', () => {
    const c = new Harness().client();
    expect(c.call('COPY', 'nokey', 'b')).toBe(0);
  });

  it('rejects bad options with Redis\'s errors', () => {
    const c = new Harness().client();
    c.call('SET', 'a', 'v');
    expect(c.call('COPY', 'a', 'a')).toEqual({ error: 'ERR source and destination objects are the same' });
    expect(c.call('COPY', 'a', 'a', 'DB', 0)).toEqual({ error: 'ERR source and destination objects are the same' });
    expect(c.call('COPY', 'a', 'b', 'DB', 'notanumber')).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('COPY', 'a', 'b', 'DB', 99)).toEqual({ error: 'ERR DB index is out of range' });
    expect(c.call('COPY', 'a', 'b', 'DB', 4294967296)).toEqual({ error: 'ERR value is not an integer or out of range' });
    expect(c.call('COPY', 'a', 'b', 'DB')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('COPY', 'a', 'b', 'FOO')).toEqual({ error: 'ERR syntax error' });
    expect(c.call('EXISTS', 'b')).toBe(0);
  });

  it('emits copy_to in the destination database', () => {
    const h = new Harness({ config: { 'notify-keyspace-events': 'Eg' } });
    const c = h.client();
    const s = h.client();
    s.call('PSUBSCRIBE', '__keyevent@*__:copy_to');
    c.call('SET', 'a', '1');
    c.call('COPY', 'a', 'b', 'DB', 3);
    expect(s.drain()).toEqual([['pmessage', '__keyevent@*__:copy_to', '__keyevent@3__:copy_to', 'b']]);
  });
});
