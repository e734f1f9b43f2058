// PFSELFTEST runs Redis's full self test (register round trips, 10 million elements through
// sparse and dense HLLs) and answers OK.
import { Harness } from '@cinnabar/testing';
import { describe, expect, it } from 'vitest';

describe('PFSELFTEST', () => {
  it('passes', () => {
    const c = new Harness().client();
    expect(c.call('PFSELFTEST')).toEqual({ simple: 'OK' });
    expect(c.call('PFSELFTEST', 'x')).toEqual({ error: "ERR wrong number of arguments for 'pfselftest' command" });
  }, 60_000);
});
