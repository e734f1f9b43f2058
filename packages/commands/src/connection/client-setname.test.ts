// CLIENT SETNAME / GETNAME / SETINFO: names and library attributes with Redis's validation.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

const BAD_NAME = { error: 'ERR Client names cannot contain spaces, newlines or special characters.' };

describe('CLIENT SETNAME and GETNAME', () => {
  it('GETNAME is nil until a name is set, and SETNAME can change it', () => {
    const c = new Harness().client();
    expect(c.call('CLIENT', 'GETNAME')).toBeNull();
    expect(c.call('CLIENT', 'SETNAME', 'myname')).toEqual({ simple: 'OK' });
    expect(c.call('CLIENT', 'GETNAME')).toBe('myname');
    c.call('CLIENT', 'SETNAME', 'someothername');
    expect(c.call('CLIENT', 'GETNAME')).toBe('someothername');
  });

  it('an empty name removes the name', () => {
    const c = new Harness().client();
    c.call('CLIENT', 'SETNAME', 'x');
    expect(c.call('CLIENT', 'SETNAME', '')).toEqual({ simple: 'OK' });
    expect(c.call('CLIENT', 'GETNAME')).toBeNull();
  });

  it('refuses spaces, control characters and bytes outside printable ASCII, keeping the old name', () => {
    const c = new Harness().client();
    c.call('CLIENT', 'SETNAME', 'keep');
    for (const bad of ['foo bar', 'a\nb', 'tab\t', '\x7f', '\xe9t\xe9']) expect(c.call('CLIENT', 'SETNAME', bad)).toEqual(BAD_NAME);
    expect(c.call('CLIENT', 'GETNAME')).toBe('keep');
    expect(c.call('CLIENT', 'SETNAME', '!~')).toEqual({ simple: 'OK' });
  });

  it('checks its arity', () => {
    const c = new Harness().client();
    expect(c.call('CLIENT', 'SETNAME')).toEqual({ error: "ERR wrong number of arguments for 'client|setname' command" });
    expect(c.call('CLIENT', 'GETNAME', 'x')).toEqual({ error: "ERR wrong number of arguments for 'client|getname' command" });
  });
});

describe('CLIENT SETINFO', () => {
  it('sets the library name and version (as Redis 7.2)', () => {
    const c = new Harness().client();
    expect(c.call('CLIENT', 'SETINFO', 'LIB-NAME', 'ioredis')).toEqual({ simple: 'OK' });
    expect(c.call('CLIENT', 'SETINFO', 'lib-ver', '5.3.2')).toEqual({ simple: 'OK' });
    expect([c.session.libName, c.session.libVer]).toEqual(['ioredis', '5.3.2']);
    c.call('CLIENT', 'SETINFO', 'lib-ver', '');
    expect(c.session.libVer).toBe('');
  });

  it('rejects unknown attributes and values with spaces', () => {
    const c = new Harness().client();
    expect(c.call('CLIENT', 'SETINFO', 'lib-foo', 'x')).toEqual({ error: "ERR Unrecognized option 'lib-foo'" });
    expect(c.call('CLIENT', 'SETINFO', 'Lib-Name', 'a b')).toEqual({ error: 'ERR Lib-Name cannot contain spaces, newlines or special characters.' });
    expect(c.call('CLIENT', 'SETINFO', 'lib-name')).toEqual({ error: "ERR wrong number of arguments for 'client|setinfo' command" });
  });
});
