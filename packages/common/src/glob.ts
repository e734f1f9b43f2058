// Redis glob matching (KEYS, SCAN MATCH, PSUBSCRIBE, CONFIG GET): * ? [abc] [^a-z] and \x
// escapes, with Redis's treatment of unterminated classes. Every token but '*' consumes
// exactly one character, so backtracking to the last '*' suffices: O(pattern × string),
// never exponential, whatever the pattern.

function lower(c: number, nocase: boolean): number {
  return nocase && c >= 65 && c <= 90 ? c + 32 : c;
}

/** A byte as C's (signed) char. */
function signed(c: number): number {
  return c >= 128 ? c - 256 : c;
}

/**
 * Match one non-star token at pattern[p] against character c.
 * Returns the index just past the token, negated-and-minus-one when it does not match.
 */
function matchToken(pattern: string, p: number, c: number, nocase: boolean): number {
  const pc = pattern.charCodeAt(p);
  if (pc === 63 /* ? */) return p + 1;
  if (pc === 92 /* \ */ && p + 1 < pattern.length) {
    return lower(pattern.charCodeAt(p + 1), nocase) === lower(c, nocase) ? p + 2 : -(p + 2) - 1;
  }
  if (pc !== 91 /* [ */) return lower(pc, nocase) === lower(c, nocase) ? p + 1 : -(p + 1) - 1;

  let i = p + 1;
  const not = pattern.charCodeAt(i) === 94; /* ^ */
  if (not) i++;
  let match = false;
  const lc = lower(c, nocase);
  const n = pattern.length;
  for (;;) {
    if (i >= n) break; // unterminated class: ends here, as Redis does
    const ch = pattern.charCodeAt(i);
    if (ch === 92 && i + 1 < n) {
      // An escaped character inside a class compares exactly, even with nocase (as Redis).
      if (pattern.charCodeAt(i + 1) === c) match = true;
      i += 2;
    } else if (ch === 93 /* ] */) {
      i++;
      break;
    } else if (i + 2 < n && pattern.charCodeAt(i + 1) === 45 /* - */) {
      // As Redis does: bytes compare as signed chars (so \x80-\xff sort below 0), and
      // bounds are ordered before they are lower-cased ([Z-a] with nocase matches nothing).
      let start = signed(ch);
      let end = signed(pattern.charCodeAt(i + 2));
      if (start > end) [start, end] = [end, start];
      const sc = signed(lc);
      if (sc >= lower(start, nocase) && sc <= lower(end, nocase)) match = true;
      i += 3;
    } else {
      if (lower(ch, nocase) === lc) match = true;
      i++;
    }
  }
  if (not) match = !match;
  return match ? i : -i - 1;
}

export function globMatch(pattern: string, subject: string, nocase = false): boolean {
  const pn = pattern.length;
  const sn = subject.length;
  // Redis's matcher never enters its loop for an empty subject: only the empty pattern
  // matches it, not even "*" (KEYS and SCAN special-case a lone "*" before matching).
  if (sn === 0) return pn === 0;
  let p = 0;
  let s = 0;
  let starP = -1;
  let starS = 0;
  while (s < sn) {
    if (p < pn && pattern.charCodeAt(p) === 42 /* * */) {
      while (p < pn && pattern.charCodeAt(p) === 42) p++;
      if (p === pn) return true;
      starP = p;
      starS = s;
      continue;
    }
    if (p < pn) {
      const next = matchToken(pattern, p, subject.charCodeAt(s), nocase);
      if (next >= 0) {
        p = next;
        s++;
        continue;
      }
    }
    if (starP < 0) return false;
    p = starP;
    s = ++starS;
  }
  while (p < pn && pattern.charCodeAt(p) === 42) p++;
  return p === pn;
}

/** True when the pattern has no glob metacharacters, so it can only match itself. */
export function isLiteralPattern(pattern: string): boolean {
  return !/[*?[\\]/.test(pattern);
}
