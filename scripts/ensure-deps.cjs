'use strict';
// `npm test` on a clean clone: install the locked dependencies first (npm ci) when node_modules is
// missing or older than package-lock.json, so the README's test command works without a prior install.
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { execSync } = require('node:child_process');

const root = join(__dirname, '..');
const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');
const tools = ['tsc', 'mocha', 'esbuild'].map((t) => join(root, 'node_modules', '.bin', t));

const stale =
  !existsSync(installed) || tools.some((t) => !existsSync(t)) || statSync(lock).mtimeMs > statSync(installed).mtimeMs;

if (stale) {
  console.log('fairdiv: node_modules missing or older than package-lock.json; running npm ci');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
