// Proves config directives reach the registry with redis-server's rules: argument counts,
// accumulating `save` lines, tolerated directives, and fatal errors with Redis's reasons.

import { describe, expect, test } from 'vitest';
import { ConfigRegistry, defineRedisParams } from '@cinnabar/command-kit';
import { applyDirectives, FatalConfigError } from './apply-config.js';
import { parseConfigText } from './config-file.js';

function registry(): ConfigRegistry {
  const config = new ConfigRegistry();
  defineRedisParams(config, '/tmp');
  return config;
}

function apply(text: string, config = registry()): ConfigRegistry {
  applyDirectives(config, parseConfigText(text, '/etc/r.conf', () => ''));
  return config;
}

function failure(text: string): FatalConfigError {
  try {
    apply(text);
  } catch (e) {
    if (e instanceof FatalConfigError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('applyDirectives', () => {
  test('sets single-argument and multi-argument parameters', () => {
    const config = apply('port 7000\nbind 127.0.0.1 ::1\nloglevel warning\n');
    expect(config.get('port')).toBe(7000);
    expect(config.get('bind')).toBe('127.0.0.1 ::1');
    expect(config.get('loglevel')).toBe('warning');
  });

  test('a later line overrides an earlier one', () => {
    expect(apply('port 7000\nport 7001\n').get('port')).toBe(7001);
  });

  test('save lines accumulate, replacing the defaults; save "" clears them', () => {
    expect(apply('save 900 1\nsave 300 10\n').get('save')).toBe('900 1 300 10');
    expect(apply('save 900 1\nsave ""\n').get('save')).toBe('');
    expect(apply('save "900 1 300 10"\n').get('save')).toBe('900 1 300 10');
  });

  test('an unknown directive is fatal: Bad directive or wrong number of arguments, with file and line', () => {
    const e = failure('port 7000\n\nfoo-bar baz\n');
    expect(e.reason).toBe('Bad directive or wrong number of arguments');
    expect(e.report()).toBe(
      "\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\nReading the configuration file /etc/r.conf, at line 3\n>>> 'foo-bar baz'\nBad directive or wrong number of arguments",
    );
  });

  test('a single-argument parameter with none or two arguments: wrong number of arguments', () => {
    expect(failure('port\n').reason).toBe('wrong number of arguments');
    expect(failure('port 1 2\n').reason).toBe('wrong number of arguments');
    expect(failure('maxmemory-policy\n').reason).toBe('wrong number of arguments');
  });

  test('bad values are fatal with the parameter type reason', () => {
    expect(failure('port abc\n').reason).toBe("argument couldn't be parsed into an integer");
    expect(failure('port 70000\n').reason).toBe('argument must be between 0 and 65535 inclusive');
    expect(failure('appendonly maybe\n').reason).toBe("argument must be 'yes' or 'no'");
    expect(failure('maxmemory 1x\n').reason).toBe('argument must be a memory value');
    expect(failure('save 1\n').reason).toBe('Invalid save parameters');
  });

  test('the deprecated ziplist directives are read and ignored with one argument only', () => {
    expect(apply('list-max-ziplist-entries 5\nlist-max-ziplist-value 64\nlua-replicate-commands yes\n').get('port')).toBe(6379);
    expect(failure('list-max-ziplist-entries 5 6\n').reason).toBe('Bad directive or wrong number of arguments');
  });

  test('directives for later subsystems are tolerated with Redis argument counts', () => {
    expect(apply('rename-command FLUSHALL ""\nuser alice on >pw ~* +@all\nreplicaof 127.0.0.1 6380\n').get('port')).toBe(6379);
    expect(failure('rename-command FLUSHALL\n').reason).toBe('Bad directive or wrong number of arguments');
    expect(failure('replicaof 127.0.0.1\n').reason).toBe('wrong number of arguments');
  });

  test('sentinel directives outside sentinel mode are fatal', () => {
    expect(failure('sentinel monitor m 127.0.0.1 6379 2\n').reason).toBe('sentinel directive while not in sentinel mode');
  });

  test('an include with two arguments is a bad directive', () => {
    const e = failure('include a.conf b.conf\n');
    expect([e.reason, e.directive.line]).toEqual(['Bad directive or wrong number of arguments', 1]);
  });
});
