// SUBSTR is GETRANGE under its old name.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('SUBSTR', () => {
  it('slices like GETRANGE', () => {
    const c = new Harness().client();
    c.call('SET', 'k', 'Hello World');
    expect(c.call('SUBSTR', 'k', 0, 3)).toBe('Hell');
    expect(c.call('SUBSTR', 'k', -5, -1)).toBe('World');
    expect(c.call('SUBSTR', 'k', 'x', 1)).toEqual({ error: 'ERR value is not an integer or out of range' });
  });

  it('takes a key, start and end', () => {
    expect(new Harness().client().call('SUBSTR', 'k')).toEqual({ error: "ERR wrong number of arguments for 'substr' command" });
  });
});
