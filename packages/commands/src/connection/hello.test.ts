// HELLO negotiates the protocol, authenticates and names the client, answering Redis 7.0's map.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

function helloMap(proto: number, id: number): unknown[] {
  return ['server', 'redis', 'version', '7.0.15', 'proto', proto, 'id', id, 'mode', 'standalone', 'role', 'master', 'modules', []];
}

describe('HELLO', () => {
  it('HELLO 3 switches to RESP3 and answers a map', () => {
    const c = new Harness().client();
    const id = c.session.id;
    expect(c.call('HELLO', 3)).toEqual({ map: helloMap(3, id) });
    expect(c.raw('GET', 'missing')).toBe('_\r\n');
  });

  it('HELLO 2 answers a flat array and goes back to RESP2', () => {
    const c = new Harness().client();
    c.call('HELLO', 3);
    expect(c.call('HELLO', 2)).toEqual(helloMap(2, c.session.id));
    expect(c.raw('GET', 'missing')).toBe('$-1\r\n');
  });

  it('without a version keeps the protocol', () => {
    const c = new Harness().client();
    expect(c.call('HELLO')).toEqual(helloMap(2, c.session.id));
    expect(c.session.resp).toBe(2);
  });

  it('refuses other versions and non-integers', () => {
    const c = new Harness().client();
    expect(c.call('HELLO', 4)).toEqual({ error: 'NOPROTO unsupported protocol version' });
    expect(c.call('HELLO', 1)).toEqual({ error: 'NOPROTO unsupported protocol version' });
    expect(c.call('HELLO', '99999999999999999999')).toEqual({ error: 'ERR Protocol version is not an integer or out of range' });
    expect(c.call('HELLO', 'abc')).toEqual({ error: 'ERR Protocol version is not an integer or out of range' });
  });

  it('reports the first unknown or incomplete option', () => {
    const c = new Harness().client();
    expect(c.call('HELLO', 3, 'foo')).toEqual({ error: "ERR Syntax error in HELLO option 'foo'" });
    expect(c.call('HELLO', 3, 'AUTH', 'default')).toEqual({ error: "ERR Syntax error in HELLO option 'AUTH'" });
    expect(c.call('HELLO', 3, 'SETNAME')).toEqual({ error: "ERR Syntax error in HELLO option 'SETNAME'" });
    expect(c.session.resp).toBe(2);
  });

  it('SETNAME names the client, and refuses names with spaces', () => {
    const c = new Harness().client();
    c.call('HELLO', 2, 'SETNAME', 'app');
    expect(c.call('CLIENT', 'GETNAME')).toBe('app');
    expect(c.call('HELLO', 3, 'SETNAME', 'a b')).toEqual({ error: 'ERR Client names cannot contain spaces, newlines or special characters.' });
    expect(c.session.resp).toBe(2);
  });

  it('an unauthenticated client must use AUTH in HELLO', () => {
    const c = new Harness({ config: { requirepass: 'secret' } }).client();
    expect(c.call('HELLO', 3)).toEqual({
      error: 'NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> ' +
        'option can be used to authenticate the client and select the RESP protocol version at the same time',
    });
    expect(c.call('HELLO', 3, 'AUTH', 'default', 'wrong')).toEqual({ error: 'WRONGPASS invalid username-password pair or user is disabled.' });
    expect(c.call('HELLO', 3, 'AUTH', 'default', 'secret')).toEqual({ map: helloMap(3, c.session.id) });
    expect(c.call('GET', 'k')).toBeNull();
  });

  it('AUTH takes effect even when a later SETNAME fails', () => {
    const c = new Harness({ config: { requirepass: 'secret' } }).client();
    expect(c.call('HELLO', 3, 'AUTH', 'default', 'secret', 'SETNAME', 'a b')).toEqual({
      error: 'ERR Client names cannot contain spaces, newlines or special characters.',
    });
    expect(c.call('PING')).toEqual({ simple: 'PONG' });
  });
});
