#!/usr/bin/env node
// Bundles the compiled server (apps/server/dist/main.js and the ~500 workspace modules it
// imports) into one ESM file, apps/server/dist/cinnabar-server.mjs, that bin/cinnabar-server
// runs: resolving and loading the modules one by one took ~0.5 s of every startup.
// Third-party packages stay external (pino's worker files and wasmoon's WASM load by path).

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const app = join(root, 'apps/server');

/** Every non-workspace dependency of the root and the workspace packages. */
function thirdParty() {
  const packages = readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'package.json'));
  const manifests = [join(root, 'package.json'), join(app, 'package.json'), ...packages];
  const names = new Set();
  for (const m of manifests) {
    const deps = JSON.parse(readFileSync(m, 'utf8')).dependencies ?? {};
    for (const name of Object.keys(deps)) if (!name.startsWith('@cinnabar/')) names.add(name);
  }
  return [...names];
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: thirdParty(),
  sourcemap: true,
  logLevel: 'warning',
};

await build({ ...common, entryPoints: [join(app, 'dist/main.js')], outfile: join(app, 'dist/cinnabar-server.mjs') });

// Worker modules, which the code finds next to itself (new URL('./x.js', import.meta.url)):
// in the bundle that is apps/server/dist, so each is bundled there under its own name.
const workers = ['packages/persistence/dist/rdb/rdb-read-worker.js'];
for (const w of workers) {
  await build({ ...common, entryPoints: [join(root, w)], outfile: join(app, 'dist', w.split('/').pop()) });
}
