// Splits a line into words as Redis's sdssplitargs does (inline requests, redis.conf):
// blanks separate words; "double quotes" take \n \r \t \b \a \xHH escapes, 'single quotes'
// only \'; a quote may open mid-word; a closing quote must be followed by a blank or the
// end. The line ends at a NUL byte, as a C string would. Null on unbalanced quotes.

/** isspace() in the C locale. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' };

export function splitArgs(input: string): string[] | null {
  const nul = input.indexOf('\0');
  const line = nul < 0 ? input : input.slice(0, nul);
  const out: string[] = [];
  const n = line.length;
  let i = 0;
  for (;;) {
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    if (i >= n) return out;
    let word = '';
    let mode: 'plain' | 'double' | 'single' = 'plain';
    for (let done = false; !done; ) {
      const c = line[i];
      if (mode === 'double') {
        if (c === undefined) return null;
        if (c === '\\' && line[i + 1] === 'x' && hexValue(line.charCodeAt(i + 2)) >= 0 && hexValue(line.charCodeAt(i + 3)) >= 0) {
          word += String.fromCharCode(hexValue(line.charCodeAt(i + 2)) * 16 + hexValue(line.charCodeAt(i + 3)));
          i += 3;
        } else if (c === '\\' && i + 1 < n) {
          i++;
          const e = line[i] as string;
          word += ESCAPES[e] ?? e;
        } else if (c === '"') {
          if (i + 1 < n && !isSpace(line.charCodeAt(i + 1))) return null;
          done = true;
        } else word += c;
      } else if (mode === 'single') {
        if (c === undefined) return null;
        if (c === '\\' && line[i + 1] === "'") {
          i++;
          word += "'";
        } else if (c === "'") {
          if (i + 1 < n && !isSpace(line.charCodeAt(i + 1))) return null;
          done = true;
        } else word += c;
      } else if (c === undefined || c === ' ' || c === '\n' || c === '\r' || c === '\t') done = true;
      else if (c === '"') mode = 'double';
      else if (c === "'") mode = 'single';
      else word += c;
      if (i < n) i++;
    }
    out.push(word);
  }
}
