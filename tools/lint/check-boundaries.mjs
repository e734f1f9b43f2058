#!/usr/bin/env node
// Enforces the dependency direction of docs/architecture.md: every import of a workspace
// package is checked against the importer's layer tag (project.json), deep imports and
// relative imports that leave a package are refused, and @cinnabar/testing is only
// imported from tests and tools. Exits 1 listing every violation.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { tsFiles } from './ts-files.mjs';

const root = process.argv[2] ? resolve(process.argv[2]) : resolve(dirname(new URL(import.meta.url).pathname), '../..');

/** Core packages may import these other core packages (ARCHITECTURE.md's exceptions). */
const CORE_EDGES = { persistence: ['storage'], 'command-kit': ['storage'] };

function projects() {
  const out = new Map();
  for (const group of ['packages', 'apps']) {
    const dir = join(root, group);
    for (const name of readdirSync(dir)) {
      const projectFile = join(dir, name, 'project.json');
      try {
        const project = JSON.parse(readFileSync(projectFile, 'utf8'));
        const pkg = JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8'));
        const layer = (project.tags ?? []).find((t) => t.startsWith('layer:'))?.slice(6);
        out.set(pkg.name, { name: project.name, dir: join(dir, name), layer, deps: pkg.dependencies ?? {} });
      } catch {
        /* not a project */
      }
    }
  }
  return out;
}

function allowed(from, to) {
  if (from.name === to.name) return true;
  switch (from.layer) {
    case 'base':
      return to.layer === 'base' && to.name === 'common';
    case 'core':
      return to.layer === 'base' || (to.layer === 'core' && (CORE_EDGES[from.name] ?? []).includes(to.name));
    case 'feature':
      return to.layer === 'base' || to.layer === 'core';
    case 'app':
      return to.layer !== 'testing' && to.layer !== 'app';
    case 'testing':
      return true;
    default:
      return false;
  }
}

const IMPORT = /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

const all = projects();
const problems = [];
for (const [, project] of all) {
  for (const file of tsFiles(join(project.dir, 'src'))) {
    const isTest = file.endsWith('.test.ts');
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2];
      const where = relative(root, file);
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(join(project.dir, 'src'))) problems.push(`${where}: relative import '${spec}' leaves the package`);
        continue;
      }
      if (!spec.startsWith('@cinnabar/')) continue;
      const parts = spec.split('/');
      const pkgName = parts.slice(0, 2).join('/');
      if (parts.length > 2) problems.push(`${where}: deep import '${spec}' (use the package's index)`);
      const target = all.get(pkgName);
      if (!target) {
        problems.push(`${where}: unknown workspace package '${pkgName}'`);
        continue;
      }
      if (target.layer === 'testing' && isTest) continue;
      if (!allowed(project, target)) {
        problems.push(`${where}: ${project.name} (${project.layer}) may not import ${target.name} (${target.layer})`);
      } else if (!isTest && !(pkgName in project.deps)) {
        problems.push(`${where}: imports ${pkgName} without declaring it in package.json`);
      }
    }
  }
}

if (problems.length > 0) {
  console.error(`dependency-direction check: ${problems.length} violation(s)`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`dependency-direction check: ${all.size} projects clean`);
