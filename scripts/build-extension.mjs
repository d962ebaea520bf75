#!/usr/bin/env node
// Bundles the VS Code extension so the .vsix is self-contained (no node_modules):
//   dist/extension.js  the extension host side (CommonJS, `vscode` external)
//   dist/kernel.js     the kernel child process, TypeScript 5.9 compiler included
//   dist/fairdiv.js    the library that `import ... from 'fairdiv'` loads inside the kernel
//   dist/experiment-worker.js  the experiment pool's worker thread (src/experiments/pool.ts looks for it
//                      beside the library), with dist/highs.wasm, which the bundled HiGHS loads from its own folder
//   dist/simulation-worker.js  the worker thread of simulateMechanism with workers (src/mechanisms/stochastic)
//   dist/mms-worker.js the MMS share pool's worker thread (src/shares/mms-pool.ts looks for it beside the library)
// and the renderer (dist/media/, scripts/build-media.mjs) when it is not built yet.
// Usage: node scripts/build-extension.mjs [--dev]
import { build } from 'esbuild';
import { copyFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  legalComments: 'none',
  metafile: true,
  logLevel: 'error',
};
const builds = [
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['kernel/main.ts'], outfile: 'dist/kernel.js' },
  // show.ts finds tslab at run time (feature detection); never bundle it.
  { entryPoints: ['src/index.ts'], outfile: 'dist/fairdiv.js', external: ['tslab', 'tslab/*'] },
  { entryPoints: ['src/experiments/worker.ts'], outfile: 'dist/experiment-worker.js' },
  { entryPoints: ['src/mechanisms/stochastic/simulation-worker.ts'], outfile: 'dist/simulation-worker.js' },
  { entryPoints: ['src/shares/mms-worker.ts'], outfile: 'dist/mms-worker.js' },
];
const sizes = [];
for (const b of builds) {
  const r = await build({ ...common, ...b });
  for (const [f, o] of Object.entries(r.metafile.outputs)) sizes.push(`${f} ${(o.bytes / 1024).toFixed(0)} KiB`);
}
copyFileSync(
  resolve(dirname(createRequire(import.meta.url).resolve('highs')), 'highs.wasm'),
  resolve(root, 'dist/highs.wasm'),
);
if (!existsSync(resolve(root, 'dist/media/index.js'))) {
  const r = spawnSync(process.execPath, [resolve(root, 'scripts/build-media.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
console.log(`build-extension: ${sizes.join(', ')}`);
