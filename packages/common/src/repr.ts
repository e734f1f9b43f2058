// Redis's sdscatrepr: a string escaped the way Redis prints binary data in logs, MONITOR,
// CONFIG REWRITE and the AOF manifest (\\ \" \n \r \t \a \b, other non-printables as \xHH).

/** The escaped text, without the surrounding quotes. */
export function escapeRepr(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    const code = s.charCodeAt(i);
    if (ch === '\\' || ch === '"') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code === 7) out += '\\a';
    else if (code === 8) out += '\\b';
    else if (code < 32 || code > 126) out += '\\x' + code.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out;
}

/** The escaped text in double quotes, as sdscatrepr writes it. */
export function quotedRepr(s: string): string {
  return `"${escapeRepr(s)}"`;
}
