// The Redis 7.0 AOF manifest: one line per file, `file <name> seq <n> type <b|h|i>`, base
// first, then history, then incr files. Parsing follows aofLoadManifestFromFile (its quoting,
// its checks and its error texts); formatting follows aofInfoFormat (names quoted when needed).

import { quotedRepr } from '@cinnabar/common';
import { splitArgs } from '@cinnabar/resp';

export type AofFileType = 'b' | 'h' | 'i';

export interface AofInfo {
  readonly name: string;
  readonly seq: number;
  readonly type: AofFileType;
}

export interface AofManifest {
  base: AofInfo | null;
  history: AofInfo[];
  incr: AofInfo[];
  /** Highest base / incr sequence used so far (the next file takes one more). */
  baseSeq: number;
  incrSeq: number;
}

/** Redis's longest manifest line (MANIFEST_MAX_LINE). */
const MAX_LINE = 1024;

/** A manifest Redis would refuse to start with; `logLines()` are Redis's log lines for it. */
export class AofManifestError extends Error {
  constructor(message: string, readonly lineNumber = 0, readonly lineText: string | null = null) {
    super(message);
  }

  logLines(): string[] {
    const out = ['\n*** FATAL AOF MANIFEST FILE ERROR ***\n'];
    if (this.lineText !== null) out.push(`Reading the manifest file, at line ${this.lineNumber}\n`, `>>> '${this.lineText}'\n`);
    out.push(`${this.message}\n`);
    return out;
  }
}

export function emptyManifest(): AofManifest {
  return { base: null, history: [], incr: [], baseSeq: 0, incrSeq: 0 };
}

export function cloneManifest(m: AofManifest): AofManifest {
  return { base: m.base, history: [...m.history], incr: [...m.incr], baseSeq: m.baseSeq, incrSeq: m.incrSeq };
}

/** Redis's pathIsBaseName: no '/' and no '\'. */
export function isBaseName(name: string): boolean {
  return !name.includes('/') && !name.includes('\\');
}

/** Parse manifest bytes (latin1); throws AofManifestError with Redis's text. */
export function parseManifest(text: string): AofManifest {
  const m = emptyManifest();
  let pos = 0;
  let lineNumber = 0;
  let maxIncrSeq = 0;
  for (;;) {
    if (pos >= text.length) {
      if (lineNumber === 0) throw new AofManifestError('Found an empty AOF manifest');
      break;
    }
    // fgets: up to MAX_LINE characters, stopping after a newline.
    const nl = text.indexOf('\n', pos);
    const end = nl >= 0 && nl - pos < MAX_LINE ? nl + 1 : Math.min(pos + MAX_LINE, text.length);
    const raw = text.slice(pos, end);
    pos = end;
    lineNumber++;
    if (raw[0] === '#') continue;
    if (!raw.includes('\n')) throw new AofManifestError('The AOF manifest file contains too long line');
    const line = raw.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
    const fail = (msg: string): never => {
      throw new AofManifestError(msg, lineNumber, line);
    };
    if (line === '') fail('Invalid AOF manifest file format');
    const argv = splitArgs(line);
    if (argv === null || argv.length < 6 || argv.length % 2 !== 0) return fail('Invalid AOF manifest file format');
    let name: string | null = null;
    let seq = 0;
    let type = '';
    for (let i = 0; i < argv.length; i += 2) {
      const k = (argv[i] as string).toLowerCase();
      const v = argv[i + 1] as string;
      if (k === 'file') {
        name = v;
        if (!isBaseName(name)) fail("File can't be a path, just a filename");
      } else if (k === 'seq') {
        seq = atoll(v);
      } else if (k === 'type') {
        type = v.slice(0, 1);
      }
    }
    if (name === null || seq === 0 || type === '') fail('Invalid AOF manifest file format');
    const info = { name: name as string, seq, type: type as AofFileType };
    if (type === 'b') {
      if (m.base !== null) fail('Found duplicate base file information');
      m.base = info;
      m.baseSeq = seq;
    } else if (type === 'h') {
      m.history.push(info);
    } else if (type === 'i') {
      if (seq <= maxIncrSeq) fail('Found a non-monotonic sequence number');
      m.incr.push(info);
      m.incrSeq = seq;
      maxIncrSeq = seq;
    } else {
      fail('Unknown AOF file type');
    }
  }
  return m;
}

/** The manifest's text: base, history, incr, one line each. */
export function formatManifest(m: AofManifest): string {
  let out = '';
  const all = [...(m.base ? [m.base] : []), ...m.history, ...m.incr];
  for (const f of all) out += `file ${needsRepr(f.name) ? quotedRepr(f.name) : f.name} seq ${f.seq} type ${f.type}\n`;
  return out;
}

/** C's atoll: optional sign and leading digits, 0 otherwise. */
function atoll(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

function isPrint(c: number): boolean {
  return c >= 0x20 && c <= 0x7e;
}

/** sdsneedsrepr: a backslash, quote, control, space or non-printable character. */
function needsRepr(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5c || c === 0x22 || c === 0x20 || !isPrint(c)) return true;
  }
  return false;
}

