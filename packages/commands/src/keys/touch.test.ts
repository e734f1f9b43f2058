// TOUCH counts present keys and resets their idle time.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('TOUCH', () => {
  it('counts present keys and resets their idle time', () => {
    const h = new Harness();
    const c = h.client();
    c.call('SET', 'a', '1');
    h.advance(3000);
    expect(c.call('OBJECT', 'IDLETIME', 'a')).toBe(3);
    expect(c.call('TOUCH', 'a', 'nokey')).toBe(1);
    expect(c.call('OBJECT', 'IDLETIME', 'a')).toBe(0);
  });

  it('needs at least one key', () => {
    const c = new Harness().client();
    expect(c.call('TOUCH')).toEqual({ error: "ERR wrong number of arguments for 'touch' command" });
  });
});
