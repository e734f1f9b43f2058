#!/usr/bin/env node
// Makes sure the Debian tools the tests talk to (redis-server, redis-cli, redis-benchmark,
// 7.0.15 from Debian) are present: installs them with apt-get when running as root, and
// otherwise says what is missing. Tests that need them fail (never skip) without them.

import { execFileSync, spawnSync } from 'node:child_process';

const needed = ['redis-server', 'redis-cli', 'redis-benchmark', 'redis-check-rdb', 'redis-check-aof'];
const missing = needed.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(`missing ${missing.join(', ')}: install Debian's redis-server and redis-tools (apt-get install redis-server redis-tools)`);
  process.exit(0);
}
console.log(`installing redis-server and redis-tools (missing: ${missing.join(', ')})`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', 'redis-server', 'redis-tools'], { stdio: 'inherit', env });
