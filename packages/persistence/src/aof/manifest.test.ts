// Proves the manifest parser and formatter follow Redis 7.0: line format, quoting, and every refusal text.
import { describe, expect, it } from 'vitest';
import { AofManifestError, formatManifest, parseManifest } from './manifest.js';

function refusal(text: string): AofManifestError {
  try {
    parseManifest(text);
  } catch (e) {
    if (e instanceof AofManifestError) return e;
    throw e;
  }
  throw new Error('parsed');
}

describe('parseManifest', () => {
  it('reads base, history and incr lines with their sequences', () => {
    const m = parseManifest(
      'file appendonly.aof.2.base.rdb seq 2 type b\nfile appendonly.aof.1.incr.aof seq 1 type h\n' +
      'file appendonly.aof.4.incr.aof seq 4 type i\nfile appendonly.aof.5.incr.aof seq 5 type i\n');
    expect(m.base).toEqual({ name: 'appendonly.aof.2.base.rdb', seq: 2, type: 'b' });
    expect(m.history).toEqual([{ name: 'appendonly.aof.1.incr.aof', seq: 1, type: 'h' }]);
    expect(m.incr.map((f) => f.seq)).toEqual([4, 5]);
    expect(m.baseSeq).toBe(2);
    expect(m.incrSeq).toBe(5);
  });

  it('skips comment lines, accepts keys in any case and order, and ignores unknown pairs', () => {
    const m = parseManifest('# comment\nTYPE i SEQ 3 FILE x.aof extra 1\n');
    expect(m.incr).toEqual([{ name: 'x.aof', seq: 3, type: 'i' }]);
  });

  it('unquotes a quoted file name', () => {
    expect(parseManifest('file "a b\\x41.aof" seq 1 type i\n').incr[0]?.name).toBe('a bA.aof');
  });

  it.each([
    ['', 'Found an empty AOF manifest'],
    ['file a seq 1 type i', 'The AOF manifest file contains too long line'],
    [`file ${'a'.repeat(1100)} seq 1 type i\n`, 'The AOF manifest file contains too long line'],
    ['\n', 'Invalid AOF manifest file format'],
    ['file a seq 1\n', 'Invalid AOF manifest file format'],
    ['file a seq 1 type i x\n', 'Invalid AOF manifest file format'],
    ['file a seq 0 type i\n', 'Invalid AOF manifest file format'],
    ['file "a seq 1 type i\n', 'Invalid AOF manifest file format'],
    ['file dir/a seq 1 type i\n', "File can't be a path, just a filename"],
    ['file a seq 1 type b\nfile b seq 2 type b\n', 'Found duplicate base file information'],
    ['file a seq 2 type i\nfile b seq 2 type i\n', 'Found a non-monotonic sequence number'],
    ['file a seq 1 type x\n', 'Unknown AOF file type'],
  ])('refuses %j with "%s"', (text, message) => {
    expect(refusal(text).message).toBe(message);
  });

  it("reports the line and its text in Redis's log lines", () => {
    const e = refusal('file a seq 1 type i\nfile a seq 1 type z\n');
    expect(e.logLines()).toEqual([
      '\n*** FATAL AOF MANIFEST FILE ERROR ***\n',
      'Reading the manifest file, at line 2\n',
      ">>> 'file a seq 1 type z'\n",
      'Unknown AOF file type\n',
    ]);
  });
});

describe('formatManifest', () => {
  it('writes base, then history, then incr files', () => {
    const text = formatManifest({
      base: { name: 'appendonly.aof.2.base.rdb', seq: 2, type: 'b' },
      history: [{ name: 'appendonly.aof.1.base.rdb', seq: 1, type: 'h' }],
      incr: [{ name: 'appendonly.aof.3.incr.aof', seq: 3, type: 'i' }],
      baseSeq: 2, incrSeq: 3,
    });
    expect(text).toBe('file appendonly.aof.2.base.rdb seq 2 type b\nfile appendonly.aof.1.base.rdb seq 1 type h\n' +
      'file appendonly.aof.3.incr.aof seq 3 type i\n');
  });

  it('quotes names with spaces or unprintable bytes and round-trips them', () => {
    const name = 'my "aof"\n\x01.aof';
    const text = formatManifest({ base: null, history: [], incr: [{ name, seq: 1, type: 'i' }], baseSeq: 0, incrSeq: 1 });
    expect(text).toBe('file "my \\"aof\\"\\n\\x01.aof" seq 1 type i\n');
    expect(parseManifest(text).incr[0]?.name).toBe(name);
  });
});
