// Proves AOF replay follows Redis 7.0: commands in order, annotations skipped, short tails and
// unfinished MULTI truncated only with aof-load-truncated, bad format and unknown commands refused.
import { Buffer } from 'node:buffer';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeCommand } from '@cinnabar/resp';
import { describe, expect, it } from 'vitest';
import { type AofLoadOptions, loadAofFiles, loadSingleAofFile } from './aof-loader.js';
import { parseManifest } from './manifest.js';

class Sink {
  ran: string[][] = [];
  queue: string[][] | null = null;
  reset(): void {
    this.queue = null;
  }
  exists(argv: readonly string[]): boolean {
    return argv[0] !== 'bla';
  }
  execute(argv: string[]): void {
    const name = (argv[0] as string).toLowerCase();
    if (name === 'multi') this.queue = [];
    else if (name === 'exec') {
      this.ran.push(...(this.queue ?? []));
      this.queue = null;
    } else if (this.queue) this.queue.push(argv);
    else this.ran.push(argv);
  }
  inMulti(): boolean {
    return this.queue !== null;
  }
}

function setup(files: Record<string, string>, loadTruncated = true) {
  const dir = mkdtempSync(join(tmpdir(), 'aof-loader-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), Buffer.from(text, 'latin1'));
  const logs: string[] = [];
  const sink = new Sink();
  const opts: AofLoadOptions = {
    dir, aofFilename: 'appendonly.aof', loadTruncated, sink,
    loadRdb: (buf) => {
      sink.ran.push(['RDB', String(buf.length)]);
      return buf.indexOf('\xff', 0, 'latin1') + 9;
    },
    log: { info: (m) => logs.push(m), warn: (m) => logs.push(m) },
  };
  return { dir, logs, sink, opts };
}

const cmd = (...a: string[]) => encodeCommand(a);

describe('loadSingleAofFile', () => {
  it('runs every command in order and skips #TS annotations', () => {
    const t = setup({ 'a.aof': `#TS:1628217470\r\n${cmd('SET', 'k', 'v\r\nx')}#TS:1\r\n${cmd('INCR', 'n')}` });
    expect(loadSingleAofFile('a.aof', t.opts)).toBe('ok');
    expect(t.sink.ran).toEqual([['SET', 'k', 'v\r\nx'], ['INCR', 'n']]);
  });

  it('reports an empty file and a missing one', () => {
    const t = setup({ 'e.aof': '' });
    expect(loadSingleAofFile('e.aof', t.opts)).toBe('empty');
    expect(loadSingleAofFile('none.aof', t.opts)).toBe('not-exist');
    expect(t.logs).toEqual(["The append log file none.aof doesn't exist: No such file or directory"]);
  });

  it('truncates a short tail with aof-load-truncated yes and logs as Redis', () => {
    const good = cmd('INCR', 'foo').repeat(5);
    const t = setup({ 'a.aof': good + cmd('INCR', 'foo').slice(0, -1) });
    expect(loadSingleAofFile('a.aof', t.opts)).toBe('truncated');
    expect(t.sink.ran.length).toBe(5);
    expect(readFileSync(join(t.dir, 'a.aof'), 'latin1')).toBe(good);
    expect(t.logs).toEqual([
      '!!! Warning: short read while loading the AOF file a.aof!!!',
      `!!! Truncating the AOF a.aof at offset ${good.length} !!!`,
      'AOF a.aof loaded anyway because aof-load-truncated is enabled',
    ]);
  });

  it('refuses a short tail with aof-load-truncated no, leaving the file intact', () => {
    const text = cmd('SET', 'foo', 'hello') + cmd('SET', 'bar', 'world').slice(0, -1);
    const t = setup({ 'a.aof': text }, false);
    expect(loadSingleAofFile('a.aof', t.opts)).toBe('failed');
    expect(readFileSync(join(t.dir, 'a.aof'), 'latin1')).toBe(text);
    expect(t.logs.at(-1)).toBe("Unexpected end of file reading the append only file a.aof. You can: 1) Make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>. 2) Alternatively you can set the 'aof-load-truncated' configuration option to yes and restart the server.");
  });

  it('reverts an unfinished MULTI at the end: truncated to before MULTI when allowed', () => {
    const head = cmd('SET', 'foo', 'hello');
    const t = setup({ 'a.aof': head + cmd('MULTI') + cmd('SET', 'bar', 'world') });
    expect(loadSingleAofFile('a.aof', t.opts)).toBe('truncated');
    expect(t.sink.ran).toEqual([['SET', 'foo', 'hello']]);
    expect(t.logs[0]).toBe('Revert incomplete MULTI/EXEC transaction in AOF file a.aof');
    expect(readFileSync(join(t.dir, 'a.aof'), 'latin1')).toBe(head);
  });

  it('refuses an unfinished MULTI with aof-load-truncated no', () => {
    const t = setup({ 'a.aof': cmd('SET', 'foo', 'hello') + cmd('MULTI') + cmd('SET', 'bar', 'world') }, false);
    expect(loadSingleAofFile('a.aof', t.opts)).toBe('failed');
    expect(t.logs.at(-1)).toMatch(/^Unexpected end of file reading the append only file a\.aof\. You can/);
  });

  it('refuses garbage with the bad-format message', () => {
    const t = setup({ 'a.aof': `${cmd('SET', 'foo', 'hello')}!!!${cmd('SET', 'foo', 'hello')}` });
    expect(loadSingleAofFile('a.aof', t.opts)).toBe('failed');
    expect(t.logs).toEqual(['Bad file format reading the append only file a.aof: make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>']);
  });

  it('refuses an unknown command naming it', () => {
    const t = setup({ 'a.aof': cmd('SET', 'foo', 'hello') + cmd('bla', 'foo', 'hello') });
    expect(loadSingleAofFile('a.aof', t.opts)).toBe('failed');
    expect(t.logs).toEqual(["Unknown command 'bla' reading the append only file a.aof"]);
  });

  it('hands an RDB base to the RDB loader, and an old-style preamble AOF continues with its tail', () => {
    const rdb = `REDIS0010\xff${'\0'.repeat(8)}`;
    const t = setup({ 'b.rdb': rdb, 'appendonly.aof': rdb + cmd('SET', 'a', '1') });
    expect(loadSingleAofFile('b.rdb', t.opts)).toBe('ok');
    expect(loadSingleAofFile('appendonly.aof', t.opts)).toBe('ok');
    expect(t.sink.ran).toEqual([['RDB', String(rdb.length)], ['RDB', String(rdb.length + cmd('SET', 'a', '1').length)], ['SET', 'a', '1']]);
    expect(t.logs).toEqual(['Reading RDB base file on AOF loading...', 'Reading RDB preamble from AOF file...', 'Reading the remaining AOF tail...']);
  });

  it('refuses a base the RDB loader rejects', () => {
    const t = setup({ 'b.rdb': 'REDIS0010garbage' });
    t.opts.loadRdb = () => {
      throw new Error('bad');
    };
    expect(loadSingleAofFile('b.rdb', t.opts)).toBe('failed');
    expect(t.logs[1]).toBe('Error reading the RDB base file b.rdb, AOF loading aborted');
  });
});

describe('loadAofFiles', () => {
  it('loads the base then the incr files in order and reports the sizes', () => {
    const base = cmd('SET', 'k', '1');
    const t = setup({ 'a.1.base.aof': base, 'a.1.incr.aof': cmd('INCR', 'k'), 'a.2.incr.aof': '' });
    const m = parseManifest('file a.1.base.aof seq 1 type b\nfile a.1.incr.aof seq 1 type i\nfile a.2.incr.aof seq 2 type i\n');
    const r = loadAofFiles(m, { ...t.opts, nowMs: () => 0 });
    expect(r).toEqual({ status: 'ok', totalSize: base.length + cmd('INCR', 'k').length, baseSize: base.length });
    expect(t.sink.ran).toEqual([['SET', 'k', '1'], ['INCR', 'k']]);
    expect(t.logs).toEqual(['DB loaded from base file a.1.base.aof: 0.000 seconds', 'DB loaded from incr file a.1.incr.aof: 0.000 seconds']);
  });

  it('refuses a truncated file that is not the last one', () => {
    const t = setup({ 'a.1.incr.aof': cmd('INCR', 'k').slice(0, 5), 'a.2.incr.aof': cmd('INCR', 'k') });
    const m = parseManifest('file a.1.incr.aof seq 1 type i\nfile a.2.incr.aof seq 2 type i\n');
    expect(loadAofFiles(m, t.opts).status).toBe('failed');
    expect(t.logs.at(-1)).toBe('Fatal error: the truncated file is not the last file');
  });

  it('fails when a listed file is missing, and reports no files and empty files', () => {
    const t = setup({ 'e.aof': '' });
    expect(loadAofFiles(parseManifest('file gone.aof seq 1 type i\n'), t.opts).status).toBe('failed');
    expect(t.logs).toEqual(['Unable to obtain the AOF file gone.aof length. stat: No such file or directory']);
    expect(loadAofFiles(parseManifest('file e.aof seq 1 type i\n'), t.opts).status).toBe('empty');
    expect(loadAofFiles(parseManifest('file e.aof seq 1 type h\n'), t.opts).status).toBe('not-exist');
  });
});
