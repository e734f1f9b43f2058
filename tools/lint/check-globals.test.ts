// The accessor-globals lint: a bare Buffer or performance without its import is refused;
// the import, properties of the same name and mentions in comments or strings are not.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { globalProblems as problemsOf } from './check-globals.mjs';
const script = join(import.meta.dirname, 'check-globals.mjs');
let root = '';

afterEach(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true });
  root = '';
});

describe('accessor-globals lint', () => {
  it('refuses a bare Buffer or performance and names the module to import', () => {
    expect(problemsOf('export const b = Buffer.alloc(1);\n')).toEqual([
      "uses the global Buffer without importing it from 'node:buffer'",
    ]);
    expect(problemsOf('const t = performance.now();\n')).toEqual([
      "uses the global performance without importing it from 'node:perf_hooks'",
    ]);
  });

  it('accepts the import, properties, object keys, comments and strings', () => {
    expect(problemsOf("import { Buffer } from 'node:buffer';\nconst b = Buffer.alloc(1);\n")).toEqual([]);
    expect(problemsOf("import { constants, Buffer } from 'node:buffer';\nconst b: Buffer = Buffer.from('x');\n")).toEqual([]);
    expect(problemsOf('const s = x.performance; const o = { performance: 1 };\n')).toEqual([]);
    expect(problemsOf("// a Buffer here\n/* performance */ const s = 'Buffer';\n")).toEqual([]);
  });

  it('runs over a tree and exits 1 listing the files', () => {
    root = mkdtempSync(join(tmpdir(), 'lint-globals-'));
    mkdirSync(join(root, 'packages', 'a', 'src'), { recursive: true });
    mkdirSync(join(root, 'apps'));
    writeFileSync(join(root, 'packages', 'a', 'src', 'ok.ts'), "import { Buffer } from 'node:buffer';\nBuffer.alloc(1);\n");
    writeFileSync(join(root, 'packages', 'a', 'src', 'bad.ts'), 'Buffer.alloc(1);\n');
    const r = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('packages/a/src/bad.ts: uses the global Buffer');
    expect(r.stderr).not.toContain('ok.ts');
  });
});
