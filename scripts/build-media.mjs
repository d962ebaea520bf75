#!/usr/bin/env node
// Builds the notebook renderer (media/index.ts) into dist/media/ as an ES module with code splitting:
// index.js (entry, small) + a lazily imported chunk holding Plotly's cartesian bundle.
// Usage: node scripts/build-media.mjs [--dev]  (--dev: no minification, inline source maps)
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');
const outdir = resolve(root, 'dist/media');
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { index: 'media/index.ts' },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  splitting: true,
  target: ['es2020', 'chrome110'],
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
});
const outputs = Object.entries(result.metafile.outputs).map(
  ([f, o]) => `${f.replace(/^.*dist\//, 'dist/')} ${(o.bytes / 1024).toFixed(1)} KiB`,
);
console.log(`build-media: ${outputs.join(', ')}`);
