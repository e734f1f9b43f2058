#!/usr/bin/env node
// Node defines some globals as accessors (globalThis.Buffer and globalThis.performance are
// getters, kept for a deprecation path), so every use of the bare global is a getter call that
// optimised code cannot fold into a constant. On the request path that showed in profiles
// (LoadGlobalIC plus the getter, per reply). Source files import them from their modules
// instead; this check lists every file that uses one without the import. Exits 1 on any.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { tsFiles } from './ts-files.mjs';

const root = process.argv[2] ? resolve(process.argv[2]) : resolve(dirname(new URL(import.meta.url).pathname), '../..');

/** The accessor globals and the module each must be imported from. */
const GLOBALS = { Buffer: 'node:buffer', performance: 'node:perf_hooks' };

/** The text with comments and string/template contents blanked out. */
function codeOnly(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'/g, "''")
    .replace(/`(?:[^`\\]|\\.)*`/g, '``');
}

/** Problems in one file's text: accessor globals used without their import. */
export function globalProblems(text) {
  const code = codeOnly(text);
  const out = [];
  for (const [name, from] of Object.entries(GLOBALS)) {
    // A use is the bare identifier, not a property (x.performance) or an object key.
    if (!new RegExp(`(?<![.\\w$])${name}\\b(?!\\s*:)`).test(code)) continue;
    const imported = new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*'${from}'`).test(text);
    if (!imported) out.push(`uses the global ${name} without importing it from '${from}'`);
  }
  return out;
}

function main() {
  const problems = [];
  for (const top of ['packages', 'apps']) {
    for (const project of readdirSync(join(root, top))) {
      const src = join(root, top, project, 'src');
      try {
        statSync(src);
      } catch {
        continue;
      }
      for (const file of tsFiles(src)) {
        for (const p of globalProblems(readFileSync(file, 'utf8'))) problems.push(`${relative(root, file)}: ${p}`);
      }
    }
  }
  if (problems.length > 0) {
    console.error(`accessor-globals check: ${problems.length} violation(s)`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log('accessor-globals check: clean');
}

if (import.meta.url === `file://${process.argv[1]}`) main();
