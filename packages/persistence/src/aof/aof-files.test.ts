// Proves AOF file naming and the manifest changes of a rewrite match Redis 7.0's.
import { describe, expect, it } from 'vitest';
import { lastIncr, manifestName, tempIncrName, tempManifestName, withNewBase, withNewIncr, withRewrittenIncrAsHistory, withoutHistory } from './aof-files.js';
import { emptyManifest, formatManifest } from './manifest.js';

describe('AOF file names', () => {
  it('names the manifest, its temp file and the temp incr file after appendfilename', () => {
    expect(manifestName('appendonly.aof')).toBe('appendonly.aof.manifest');
    expect(tempManifestName('appendonly.aof')).toBe('temp-appendonly.aof.manifest');
    expect(tempIncrName('appendonly.aof')).toBe('temp-appendonly.aof.incr');
  });

  it('numbers bases by format and incr files by their own sequence', () => {
    let m = withNewBase(emptyManifest(), 'appendonly.aof', true);
    m = withNewIncr(m, 'appendonly.aof');
    expect(formatManifest(m)).toBe('file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n');
    m = withNewBase(m, 'appendonly.aof', false);
    expect(m.base?.name).toBe('appendonly.aof.2.base.aof');
    expect(m.history).toEqual([{ name: 'appendonly.aof.1.base.rdb', seq: 1, type: 'h' }]);
  });
});

describe('a rewrite in the manifest', () => {
  it('turns every incr file but the open one into history, oldest first after the old base', () => {
    let m = withNewBase(emptyManifest(), 'a', true);
    for (let i = 0; i < 3; i++) m = withNewIncr(m, 'a');
    m = withNewBase(m, 'a', true);
    m = withRewrittenIncrAsHistory(m, true);
    expect(formatManifest(m)).toBe(
      'file a.2.base.rdb seq 2 type b\nfile a.1.incr.aof seq 1 type h\nfile a.2.incr.aof seq 2 type h\n' +
      'file a.1.base.rdb seq 1 type h\nfile a.3.incr.aof seq 3 type i\n');
    expect(formatManifest(withoutHistory(m))).toBe('file a.2.base.rdb seq 2 type b\nfile a.3.incr.aof seq 3 type i\n');
  });

  it('with AOF off, every incr file becomes history', () => {
    const m = withRewrittenIncrAsHistory(withNewIncr(emptyManifest(), 'a'), false);
    expect(m.incr).toEqual([]);
    expect(m.history).toEqual([{ name: 'a.1.incr.aof', seq: 1, type: 'h' }]);
  });

  it('lastIncr reuses the last incr file or adds the first', () => {
    const first = lastIncr(emptyManifest(), 'a');
    expect(first.name).toBe('a.1.incr.aof');
    expect(lastIncr(first.manifest, 'a').name).toBe('a.1.incr.aof');
  });
});
