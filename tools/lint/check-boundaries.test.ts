// The dependency-direction lint refuses imports against the layer order, deep imports,
// escaping relative imports and undeclared dependencies, and accepts a clean tree.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, 'check-boundaries.mjs');
let root = '';

function project(group: string, name: string, layer: string, deps: string[], source: string): void {
  const dir = join(root, group, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'project.json'), JSON.stringify({ name, tags: [`layer:${layer}`] }));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({
    name: `@cinnabar/${name}`, dependencies: Object.fromEntries(deps.map((d) => [`@cinnabar/${d}`, '*'])),
  }));
  writeFileSync(join(dir, 'src', 'index.ts'), source);
}

function lint(): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
}

function tree(): void {
  root = mkdtempSync(join(tmpdir(), 'lint-'));
  mkdirSync(join(root, 'apps'));
  project('packages', 'common', 'base', [], 'export const x = 1;\n');
  project('packages', 'storage', 'core', ['common'], "import { x } from '@cinnabar/common';\nexport const y = x;\n");
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('check-boundaries', () => {
  it('accepts imports that follow the layer order', () => {
    tree();
    project('packages', 'commands', 'feature', ['storage'], "import { y } from '@cinnabar/storage';\nexport const z = y;\n");
    const r = lint();
    expect(r.status).toBe(0);
    expect(r.output).toContain('3 projects clean');
  });

  it('refuses a core package importing a feature package', () => {
    tree();
    project('packages', 'commands', 'feature', ['storage'], 'export const z = 1;\n');
    project('packages', 'network', 'core', ['commands'], "import { z } from '@cinnabar/commands';\nexport const w = z;\n");
    const r = lint();
    expect(r.status).toBe(1);
    expect(r.output).toContain('network (core) may not import commands (feature)');
  });

  it('refuses one feature importing another', () => {
    tree();
    project('packages', 'commands', 'feature', [], 'export const z = 1;\n');
    project('packages', 'cluster', 'feature', ['commands'], "import { z } from '@cinnabar/commands';\nexport const c = z;\n");
    expect(lint().output).toContain('cluster (feature) may not import commands (feature)');
  });

  it('refuses deep imports and undeclared dependencies', () => {
    tree();
    project('packages', 'resp', 'base', [], "import { x } from '@cinnabar/common/src/index.js';\nexport const r = x;\n");
    const r = lint();
    expect(r.status).toBe(1);
    expect(r.output).toContain("deep import '@cinnabar/common/src/index.js'");
    expect(r.output).toContain('imports @cinnabar/common without declaring it');
  });

  it('refuses relative imports that leave the package', () => {
    tree();
    project('packages', 'resp', 'base', [], "import { y } from '../../storage/src/index.js';\nexport const r = y;\n");
    expect(lint().output).toContain("relative import '../../storage/src/index.js' leaves the package");
  });
});
