// RdbLoader fed a file as it is read: whatever sizes the bytes arrive in, the keyspace ends up
// as loading the whole file at once makes it; a file that really ends early is an error, not a
// wait; a deferred checksum is checked by the caller and a wrong one refused.
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc64 } from './crc64.js';
import { RdbFormatError } from './errors.js';
import { fillKeyspace, fixtureKeyspace, rdbImage } from './rdb-fixture.test-util.js';
import { RdbLoader, type RdbLoadOptions } from './rdb-load.js';

const source = fixtureKeyspace();
fillKeyspace(source, 600);
const image = rdbImage(source);

function options(deferChecksum = false): RdbLoadOptions {
  return { limits: source.limits, skipExpired: true, allowDuplicates: false, verifyChecksum: true, deferChecksum };
}

describe('RdbLoader', () => {
  it('loads the fixture whole into the same keyspace', () => {
    const ks = fixtureKeyspace();
    const l = new RdbLoader(image, ks, options());
    while (!l.step(50));
    expect(l.keysLoaded).toBe(600);
    expect(rdbImage(ks).equals(image)).toBe(true);
  });

  it('loads the same keyspace whatever chunks the file arrives in', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 64 }), (chunks, perStep) => {
        const ks = fixtureKeyspace();
        let available = 9;
        const l = new RdbLoader(image, ks, options(), available);
        let i = 0;
        let starvedSteps = 0;
        for (;;) {
          if (l.step(perStep)) break;
          if (l.starved) {
            starvedSteps++;
            expect(available).toBeLessThan(image.length);
            available = Math.min(image.length, available + (chunks[i++ % chunks.length] as number));
            l.provide(available);
          }
        }
        expect(starvedSteps).toBeGreaterThan(0);
        expect(l.keysLoaded).toBe(600);
        expect(rdbImage(ks).equals(image)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('refuses a file that ends inside a record once all of it is provided', () => {
    const cut = image.subarray(0, Math.floor(image.length * 0.6));
    const l = new RdbLoader(cut, fixtureKeyspace(), options());
    expect(() => {
      while (!l.step(100));
    }).toThrow(RdbFormatError);
    expect(l.starved).toBe(false);
  });

  it('leaves a deferred checksum to the caller and refuses a wrong one', () => {
    const l = new RdbLoader(image, fixtureKeyspace(), options(true));
    while (!l.step(1000));
    expect(l.pendingChecksum).toBe(image.length - 8);
    expect(() => l.checkChecksum(crc64(image.subarray(0, image.length - 8)))).not.toThrow();
    expect(() => l.checkChecksum(crc64(image.subarray(0, image.length - 9)))).toThrow(/RDB CRC error/);
  });

  it('checks the checksum itself unless told to defer', () => {
    const bad = Buffer.from(image);
    bad[bad.length - 1] = (bad[bad.length - 1] as number) ^ 0xff;
    const l = new RdbLoader(bad, fixtureKeyspace(), options());
    expect(() => {
      while (!l.step(1000));
    }).toThrow(/RDB CRC error/);
  });
});
