// Commands as the AOF and the replication stream carry them: RESP multibulk arrays, with a
// SELECT before any command whose database differs from the previous one's.

import type { OutputBuffer } from './output-buffer.js';

export interface DbCommand {
  readonly db: number;
  readonly argv: readonly string[];
  /** For replicas only, never the AOF (PUBLISH that changed nothing). */
  readonly replOnly?: boolean;
}

/** '*', the RESP array header's type byte. */
const ARRAY = 42;

/** One multibulk request in latin1 (binary-safe: one char per byte). */
export function encodeCommand(argv: readonly string[]): string {
  let out = `*${argv.length}\r\n`;
  for (const a of argv) out += `$${a.length}\r\n${a}\r\n`;
  return out;
}

export class CommandStreamEncoder {
  /** Database of the last command written; -1 forces a SELECT before the next one. */
  db = -1;

  /** The batch as RESP text (latin1), with the SELECTs it needs. */
  encode(batch: readonly DbCommand[]): string {
    let out = '';
    for (const cmd of batch) out += this.selectFor(cmd) + encodeCommand(cmd.argv);
    return out;
  }

  /** The batch written as RESP into `out`, with the SELECTs it needs (the AOF's hot path). */
  encodeTo(batch: readonly DbCommand[], out: OutputBuffer): void {
    for (const cmd of batch) {
      if (this.needsSelect(cmd)) {
        this.db = cmd.db;
        out.writeLine(ARRAY, 2);
        out.writeBulk('SELECT');
        out.writeBulk(String(cmd.db));
      }
      const argv = cmd.argv;
      out.writeLine(ARRAY, argv.length);
      for (const a of argv) out.writeBulk(a);
    }
  }

  /** The batch as argument vectors, SELECTs included (tests, MONITOR-like consumers). */
  vectors(batch: readonly DbCommand[]): string[][] {
    const out: string[][] = [];
    for (const cmd of batch) {
      if (this.needsSelect(cmd)) out.push(['SELECT', String(cmd.db)]);
      this.db = cmd.db;
      out.push([...cmd.argv]);
    }
    return out;
  }

  private needsSelect(cmd: DbCommand): boolean {
    return cmd.db !== this.db;
  }

  private selectFor(cmd: DbCommand): string {
    if (!this.needsSelect(cmd)) return '';
    this.db = cmd.db;
    return encodeCommand(['SELECT', String(cmd.db)]);
  }
}
