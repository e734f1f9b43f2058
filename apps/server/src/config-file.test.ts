// Proves redis.conf parsing and redis-server's command-line option handling: quoting, comments,
// includes (plain and glob), line numbers in errors, and the fatal report's exact text.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { COMMAND_LINE, ConfigFileError, commandLineConfig, fatalConfigReport, loadConfig, parseConfigText, quoteArg, readIncludeFile } from './config-file.js';

const noInclude = (p: string): string => {
  throw new Error(`unexpected include ${p}`);
};
const words = (text: string) => parseConfigText(text, 'r.conf', noInclude).map((d) => [d.name, ...d.args]);

function parseError(fn: () => unknown): ConfigFileError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigFileError) return e;
    throw e;
  }
  throw new Error('no error');
}

const dir = mkdtempSync(join(tmpdir(), 'cinnabar-conf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseConfigText', () => {
  test('skips comments and blank lines, lower-cases names, keeps argument case', () => {
    expect(words('# comment\n\n   \nPORT 7000\n  Bind 127.0.0.1 ::1  \n#port 1\n')).toEqual([
      ['port', '7000'],
      ['bind', '127.0.0.1', '::1'],
    ]);
  });

  test('splits quoted arguments like redis-cli: double quotes with escapes, single quotes', () => {
    expect(words('requirepass "a b\\"c\\x41\\n"\nlogfile \'it\\\'s here\'\nsave ""\n')).toEqual([
      ['requirepass', 'a b"cA\n'],
      ['logfile', "it's here"],
      ['save', ''],
    ]);
  });

  test('CRLF line endings and tabs are trimmed', () => {
    expect(words('port 1\r\n\tport 2\t\r\n')).toEqual([['port', '1'], ['port', '2']]);
  });

  test('records the source, 1-based line and trimmed text of each directive', () => {
    expect(parseConfigText('\n# x\n  port 7000  \n', 'a.conf', noInclude)).toEqual([
      { name: 'port', args: ['7000'], source: 'a.conf', line: 3, text: 'port 7000' },
    ]);
  });

  test('unbalanced quotes are a ConfigFileError naming the line', () => {
    const e = parseError(() => parseConfigText('port 1\nbind "127.0.0.1\n', 'a.conf', noInclude));
    expect([e.source, e.line, e.text, e.reason]).toEqual(['a.conf', 2, 'bind "127.0.0.1', 'Unbalanced quotes in configuration line']);
  });

  test('include splices the included directives in place, numbered in their own file', () => {
    const files: Record<string, string> = { 'inc.conf': '# included\nport 7001\n' };
    const got = parseConfigText('port 7000\ninclude inc.conf\nbind x\n', 'main.conf', (p) => files[p] as string);
    expect(got.map((d) => [d.source, d.line, d.name, ...d.args])).toEqual([
      ['main.conf', 1, 'port', '7000'],
      ['inc.conf', 2, 'port', '7001'],
      ['main.conf', 3, 'bind', 'x'],
    ]);
  });

  test('an include that cannot be read is an error at the include line', () => {
    const e = parseError(() => parseConfigText('\ninclude /nope/x.conf\n', 'main.conf', () => {
      throw new Error('ENOENT');
    }));
    expect([e.line, e.reason]).toEqual([2, "Can't open the include file /nope/x.conf"]);
  });

  test('include with a wrong argument count stays a directive (refused later as a bad directive)', () => {
    expect(words('include a b\n')).toEqual([['include', 'a', 'b']]);
  });

  test('an include loop stops with Too many nested includes', () => {
    const e = parseError(() => parseConfigText('include self.conf\n', 'self.conf', () => 'include self.conf\n'));
    expect(e.reason).toBe('Too many nested includes');
  });
});

describe('commandLineConfig', () => {
  test('the first argument is the config file unless it starts with "-"', () => {
    expect(commandLineConfig(['/etc/redis.conf', '--port', '7000'])).toEqual({ file: '/etc/redis.conf', text: 'port "7000"' });
    expect(commandLineConfig(['--port', '7000'])).toEqual({ file: null, text: 'port "7000"' });
    expect(commandLineConfig(['-', '--port', '7000']).file).toBe('-');
  });

  test('values are quoted as redis-server quotes them and may hold several words', () => {
    expect(commandLineConfig(['--save', '900', '1', '--requirepass', 'a "b"\n']).text).toBe('save "900" "1"\nrequirepass "a \\"b\\"\\n"');
  });

  test('an option and its value in one argument pass through unquoted', () => {
    expect(commandLineConfig(['--maxmemory 700mb', '--port', '1']).text).toBe('maxmemory 700mb\nport "1"');
  });

  test('an option given alone takes the next argument as its value, even one starting with --', () => {
    expect(commandLineConfig(['--requirepass', '--weird', '--port', '1']).text).toBe('requirepass "--weird"\nport "1"');
  });

  test('--save followed by another option or nothing means save ""', () => {
    expect(commandLineConfig(['--save', '--port', '1']).text).toBe('save ""\nport "1"');
    expect(commandLineConfig(['--port', '1', '--save']).text).toBe('port "1"\nsave ""');
    expect(commandLineConfig(['--save', '']).text).toBe('save ""');
  });

  test('quoteArg escapes like sdscatrepr', () => {
    expect(quoteArg('a\\b"c\r\t\x07\x08\x01\xff')).toBe('"a\\\\b\\"c\\r\\t\\a\\b\\x01\\xff"');
  });
});

describe('loadConfig', () => {
  test('reads the file, then the options, numbering options after the file as redis-server does', () => {
    const file = join(dir, 'main.conf');
    writeFileSync(file, 'port 7000\nbind 127.0.0.1\n');
    const got = loadConfig([file, '--port', '7001', '--foo', '1']);
    expect(got.map((d) => [d.source, d.line, d.text])).toEqual([
      [file, 1, 'port 7000'],
      [file, 2, 'bind 127.0.0.1'],
      [COMMAND_LINE, 4, 'port "7001"'],
      [COMMAND_LINE, 5, 'foo "1"'],
    ]);
  });

  test('without a file the options start at line 2 (redis-server prefixes a newline)', () => {
    expect(loadConfig(['--port', '7399', '--foo', '1']).map((d) => d.line)).toEqual([2, 3]);
  });

  test('"-" reads the configuration from stdin', () => {
    expect(loadConfig(['-'], () => 'port 7002\n').map((d) => d.text)).toEqual(['port 7002']);
  });
});

describe('readIncludeFile', () => {
  test('a glob in the last component concatenates the matching files in name order', () => {
    const d = join(dir, 'conf.d');
    mkdirSync(d);
    writeFileSync(join(d, 'b.conf'), 'port 2\n');
    writeFileSync(join(d, 'a.conf'), 'port 1\n');
    writeFileSync(join(d, 'c.txt'), 'port 3\n');
    expect(readIncludeFile(join(d, '*.conf'))).toBe('port 1\nport 2\n');
    expect(readIncludeFile(join(d, 'none-*.conf'))).toBe('');
  });

  test('a plain path that does not exist throws', () => {
    expect(() => readIncludeFile(join(dir, 'missing.conf'))).toThrow(/ENOENT/);
  });
});

describe('fatalConfigReport', () => {
  test('matches redis-server for the command line and names the file otherwise', () => {
    expect(fatalConfigReport(COMMAND_LINE, 3, 'foo "1"', 'Bad directive or wrong number of arguments')).toBe(
      "\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\nReading the configuration file, at line 3\n>>> 'foo \"1\"'\nBad directive or wrong number of arguments",
    );
    expect(fatalConfigReport('/etc/r.conf', 2, 'x', 'why')).toBe(
      "\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\nReading the configuration file /etc/r.conf, at line 2\n>>> 'x'\nwhy",
    );
  });
});
