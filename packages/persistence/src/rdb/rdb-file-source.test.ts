// RdbFileSource: the bytes it makes available are the file's, and its checksum is the CRC64 of
// the prefix asked for — read and checksummed by the worker thread when its module is there,
// by the main thread when there is no worker or the worker cannot start.
import { Buffer } from 'node:buffer';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc64 } from './crc64.js';
import { RdbFileSource, type RdbFileSourceOptions } from './rdb-file-source.js';
import { fillKeyspace, fixtureKeyspace, rdbImage } from './rdb-fixture.test-util.js';

const ks = fixtureKeyspace();
fillKeyspace(ks, 30_000);
// Uncompressed so the file is past the first chunk the main thread reads itself (1 MB).
const image = rdbImage(ks, false);
const file = join(mkdtempSync(join(tmpdir(), 'cinnabar-rdb-source-')), 'dump.rdb');
writeFileSync(file, image);

/** The compiled worker (tests run the TypeScript sources; `npm test` compiles first). */
const compiledWorker = new URL('../../dist/rdb/rdb-read-worker.js', import.meta.url);

async function readAll(opts: RdbFileSourceOptions): Promise<{ source: RdbFileSource; bytes: Buffer }> {
  const source = RdbFileSource.open(file, opts);
  const deadline = Date.now() + 20_000;
  while (source.available() < source.size) {
    if (Date.now() > deadline) throw new Error('the file was not read in time');
    await new Promise((r) => setTimeout(r, 2));
  }
  return { source, bytes: Buffer.from(source.buf) };
}

describe('RdbFileSource', () => {
  it('is given a file bigger than its first chunk', () => {
    expect(image.length).toBeGreaterThan(2 << 20);
  });

  for (const [name, opts, threaded] of [
    ['the worker thread', { workerUrl: compiledWorker }, true],
    ['the main thread (no worker)', { workerUrl: null }, false],
    ['the main thread (worker module missing)', { workerUrl: new URL('./no-such-worker.js', compiledWorker) }, false],
  ] as const) {
    it(`reads and checksums the file on ${name}`, async () => {
      const { source, bytes } = await readAll(opts);
      try {
        expect(bytes.equals(image)).toBe(true);
        const sum = await source.checksum(image.length - 8);
        expect(sum).toEqual(crc64(image.subarray(0, image.length - 8)));
        expect(source.offThread).toBe(threaded);
        // Any other prefix is checksummed here.
        expect(await source.checksum(1000)).toEqual(crc64(image.subarray(0, 1000)));
      } finally {
        source.close();
      }
    });
  }

  it('throws ENOENT for a missing file', () => {
    expect(() => RdbFileSource.open(join(tmpdir(), 'cinnabar-no-such-dir', 'dump.rdb'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
