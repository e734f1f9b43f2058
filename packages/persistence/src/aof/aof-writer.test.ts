// Proves the AOF writer appends Redis's RESP with SELECTs and #TS annotations, and flushes per fsync policy.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AofWriter, type FsyncPolicy } from './aof-writer.js';

function writer(fsync: FsyncPolicy, timestamps = false) {
  const path = join(mkdtempSync(join(tmpdir(), 'aof-writer-')), 'a.incr.aof');
  let now = 1000;
  const logs: string[] = [];
  const fatal: string[] = [];
  const w = new AofWriter({ fsync, timestamps, nowSec: () => now, log: { info: (m) => logs.push(m), warn: (m) => logs.push(m) }, fatal: (m) => fatal.push(m) });
  w.open(path, false);
  return { w, path, logs, fatal, tick: (s: number) => (now += s) };
}

describe('AofWriter', () => {
  it('buffers batches as RESP with a SELECT at the first command and each database change', () => {
    const { w, path } = writer('always');
    w.feed([{ db: 0, argv: ['SET', 'a', '1'] }]);
    w.feed([{ db: 0, argv: ['MULTI'] }, { db: 2, argv: ['INCR', 'b'] }, { db: 0, argv: ['EXEC'] }]);
    expect(w.bufferLength).toBeGreaterThan(0);
    expect(readFileSync(path, 'latin1')).toBe('');
    w.flush();
    expect(w.bufferLength).toBe(0);
    expect(readFileSync(path, 'latin1')).toBe(
      '*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\n*1\r\n$5\r\nMULTI\r\n' +
      '*2\r\n$6\r\nSELECT\r\n$1\r\n2\r\n*2\r\n$4\r\nINCR\r\n$1\r\nb\r\n*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*1\r\n$4\r\nEXEC\r\n');
    expect(w.incrSize).toBe(statSync(path).size);
    expect(w.fsyncedSize).toBe(w.incrSize);
  });

  it('under everysec writes at once and fsyncs in the background at most once a second', async () => {
    const { w, path, tick } = writer('everysec');
    tick(1);
    w.feed([{ db: 0, argv: ['SET', 'a', '1'] }]);
    w.flush();
    expect(statSync(path).size).toBe(w.incrSize);
    expect(w.pendingBgFsync).toBe(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(w.pendingBgFsync).toBe(0);
    expect(w.fsyncedSize).toBe(w.incrSize);
    w.feed([{ db: 0, argv: ['SET', 'a', '2'] }]);
    w.flush();
    expect(w.pendingBgFsync).toBe(0);
    expect(w.fsyncedSize).toBeLessThan(w.incrSize);
  });

  it('under no, writes and never fsyncs', () => {
    const { w, tick } = writer('no');
    tick(5);
    w.feed([{ db: 0, argv: ['SET', 'a', '1'] }]);
    w.flush();
    expect(w.pendingBgFsync).toBe(0);
    expect(w.fsyncedSize).toBe(0);
  });

  it('writes a #TS annotation before the first command of each new second', () => {
    const { w, path, tick } = writer('always', true);
    w.feed([{ db: 0, argv: ['PING'] }]);
    w.feed([{ db: 0, argv: ['PING'] }]);
    tick(1);
    w.feed([{ db: 0, argv: ['PING'] }]);
    w.flush();
    const text = readFileSync(path, 'latin1');
    expect(text.match(/#TS:\d+\r\n/g)).toEqual(['#TS:1000\r\n', '#TS:1001\r\n']);
    expect(text.startsWith('#TS:1000\r\n*2\r\n$6\r\nSELECT')).toBe(true);
  });

  it('keeps the buffer after a failed write (disk full) and reports it; under always the failure is fatal', () => {
    const logs: string[] = [];
    const fatal: string[] = [];
    const mk = (fsync: FsyncPolicy): AofWriter => {
      const w = new AofWriter({ fsync, timestamps: false, nowSec: () => 1000, log: { info: (m) => logs.push(m), warn: (m) => logs.push(m) }, fatal: (m) => fatal.push(m) });
      w.open('/dev/full', false);
      return w;
    };
    const w = mk('everysec');
    w.feed([{ db: 0, argv: ['SET', 'k', 'v'.repeat(100)] }]);
    const pending = w.bufferLength;
    w.flush();
    expect(logs).toContain('Error writing to the AOF file: No space left on device');
    expect(w.writeError).toBe('No space left on device');
    expect(w.bufferLength).toBe(pending);
    w.feed([{ db: 0, argv: ['DEL', 'k'] }]);
    expect(w.bufferLength).toBeGreaterThan(pending);
    expect(fatal).toEqual([]);

    const a = mk('always');
    a.feed([{ db: 0, argv: ['SET', 'k', 'v'] }]);
    a.flush();
    expect(fatal).toEqual(["Can't recover from AOF write error when the AOF fsync policy is 'always'. Exiting..."]);
  });

  it('close writes the buffer, fsyncs and forgets the selected database', () => {
    const { w, path } = writer('no');
    w.feed([{ db: 3, argv: ['DEL', 'x'] }]);
    w.close();
    expect(w.isOpen).toBe(false);
    expect(readFileSync(path, 'latin1')).toBe('*2\r\n$6\r\nSELECT\r\n$1\r\n3\r\n*2\r\n$3\r\nDEL\r\n$1\r\nx\r\n');
    expect(w.encoder.db).toBe(-1);
  });
});
