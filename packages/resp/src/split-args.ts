// Splits an inline command line the way redis-cli and Redis's inline protocol do:
// whitespace-separated words, "double quotes" with \n \r \t \b \a \xHH escapes,
// 'single quotes' with only \' escaped. Null on unbalanced quotes.

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

export function splitArgs(line: string): string[] | null {
  const out: string[] = [];
  const n = line.length;
  let i = 0;
  for (;;) {
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    if (i >= n) return out;
    let word = '';
    const quote = line[i];
    if (quote === '"') {
      i++;
      for (;;) {
        if (i >= n) return null;
        const c = line[i] as string;
        if (c === '\\' && i + 3 < n + 0 && line[i + 1] === 'x' && hexValue(line.charCodeAt(i + 2)) >= 0 && hexValue(line.charCodeAt(i + 3)) >= 0) {
          word += String.fromCharCode(hexValue(line.charCodeAt(i + 2)) * 16 + hexValue(line.charCodeAt(i + 3)));
          i += 4;
        } else if (c === '\\' && i + 1 < n) {
          const e = line[i + 1] as string;
          word += ESCAPES[e] ?? e;
          i += 2;
        } else if (c === '"') {
          i++;
          if (i < n && !isSpace(line.charCodeAt(i))) return null;
          break;
        } else {
          word += c;
          i++;
        }
      }
    } else if (quote === "'") {
      i++;
      for (;;) {
        if (i >= n) return null;
        const c = line[i] as string;
        if (c === '\\' && line[i + 1] === "'") {
          word += "'";
          i += 2;
        } else if (c === "'") {
          i++;
          if (i < n && !isSpace(line.charCodeAt(i))) return null;
          break;
        } else {
          word += c;
          i++;
        }
      }
    } else {
      const start = i;
      while (i < n && !isSpace(line.charCodeAt(i))) i++;
      word = line.slice(start, i);
    }
    out.push(word);
  }
}
