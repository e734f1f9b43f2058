// DBSIZE counts the keys of the selected database.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('DBSIZE', () => {
  it('counts the keys of the selected database only', () => {
    const c = new Harness().client();
    c.call('SET', 'a', '1');
    c.call('SET', 'b', '1');
    expect(c.call('DBSIZE')).toBe(2);
    c.call('SELECT', 1);
    expect(c.call('DBSIZE')).toBe(0);
  });

  it('takes no arguments', () => {
    const c = new Harness().client();
    expect(c.call('DBSIZE', 'x')).toEqual({ error: "ERR wrong number of arguments for 'dbsize' command" });
  });
});
