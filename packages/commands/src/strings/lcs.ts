// LCS: both keys read first (type error before option errors), options, the table-size
// guard, then the reply shaped as a string, an integer, or the IDX map.

import { RedisError, SyntaxError } from '@cinnabar/common';
import { defineCommand, int64Arg, token } from '@cinnabar/command-kit';
import { type Reply, reply } from '@cinnabar/resp';
import { lcs as computeLcs, lcsTableBytes } from '@cinnabar/storage';
import { maxStringBytes } from './limits.js';

export const lcs = defineCommand({
  name: 'lcs', arity: -3, flags: ['readonly'], acl: ['@read', '@string', '@slow'],
  keys: { first: 1, last: 2, step: 1, flags: ['RO', 'ACCESS'] },
  docs: { summary: 'Find longest common substring', since: '7.0.0', group: 'string', complexity: 'O(N*M) where N and M are the lengths of s1 and s2, respectively' },
  run: ({ db, server }, argv) => {
    const va = db.lookupRead(argv[1] as string)?.value;
    const vb = db.lookupRead(argv[2] as string)?.value;
    if ((va !== undefined && typeof va !== 'string') || (vb !== undefined && typeof vb !== 'string')) {
      throw new RedisError('ERR The specified keys must contain string values');
    }
    let getLen = false;
    let getIdx = false;
    let withMatchLen = false;
    let minMatchLen = 0;
    for (let j = 3; j < argv.length; j++) {
      const t = token(argv[j]);
      if (t === 'IDX') getIdx = true;
      else if (t === 'LEN') getLen = true;
      else if (t === 'WITHMATCHLEN') withMatchLen = true;
      else if (t === 'MINMATCHLEN' && j + 1 < argv.length) {
        const n = int64Arg(argv[++j] as string);
        minMatchLen = n < 0 ? 0 : Number(n);
      } else throw new SyntaxError();
    }
    if (getLen && getIdx) throw new RedisError('ERR If you want both the length and indexes, please just use IDX.');
    const a = (va ?? '') as string;
    const b = (vb ?? '') as string;
    if (lcsTableBytes(a.length, b.length) > maxStringBytes(server)) {
      throw new RedisError('ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len');
    }
    const r = computeLcs(a, b, { text: !getLen && !getIdx, matches: getIdx, minMatchLen });
    if (getLen) return r.length;
    if (!getIdx) return r.text;
    const matches: Reply[] = r.matches.map((m) => (withMatchLen ? [m.a, m.b, m.length] : [m.a, m.b]));
    return reply.map(['matches', matches, 'len', r.length]);
  },
});
