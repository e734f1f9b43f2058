// QUIT answers +OK (unless replies are off) and closes the connection after the reply.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('QUIT', () => {
  it('replies +OK and closes', () => {
    const c = new Harness().client();
    expect(c.raw('QUIT')).toBe('+OK\r\n');
    expect(c.closed).toBe(true);
  });

  it('accepts extra arguments, as Redis does', () => {
    const c = new Harness().client();
    expect(c.call('QUIT', 'now')).toEqual({ simple: 'OK' });
    expect(c.closed).toBe(true);
  });

  it('closes silently under CLIENT REPLY OFF', () => {
    const c = new Harness().client();
    c.send('CLIENT', 'REPLY', 'OFF');
    expect(c.raw('QUIT')).toBe('');
    expect(c.closed).toBe(true);
  });

  it('works before authentication', () => {
    const c = new Harness({ config: { requirepass: 'pw' } }).client();
    expect(c.call('QUIT')).toEqual({ simple: 'OK' });
  });
});
