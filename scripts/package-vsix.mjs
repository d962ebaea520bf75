#!/usr/bin/env node
// `npm run package`: builds the renderer and the extension bundles, stages exactly what ships in a
// temporary folder with a generated manifest (package.json + extension.package.json, `main` set to the
// extension bundle: the repository's own `main` stays the library's CommonJS entry for Node and
// tslab), and runs @vscode/vsce 3.9.2 `package --no-dependencies`. Writes fairdiv-<version>.vsix at the
// repository root (or --out FILE) and prints its size.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outArg = args.indexOf('--out') >= 0 ? resolve(args[args.indexOf('--out') + 1]) : null;

function step(cmd, argv, cwd = root) {
  const r = spawnSync(cmd, argv, { cwd, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`package-vsix: ${cmd} ${argv.join(' ')} failed (${r.status})`);
    process.exit(r.status || 1);
  }
}

step(process.execPath, [join(root, 'scripts/build-media.mjs')]);
step(process.execPath, [join(root, 'scripts/build-extension.mjs')]);

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const frag = JSON.parse(readFileSync(join(root, 'extension.package.json'), 'utf8'));
const manifest = {
  name: pkg.name,
  displayName: frag.displayName ?? pkg.displayName,
  version: pkg.version,
  description: pkg.description,
  license: pkg.license,
  publisher: frag.publisher ?? pkg.publisher,
  ...(pkg.repository ? { repository: pkg.repository } : {}),
  engines: { vscode: frag.engines?.vscode ?? pkg.engines?.vscode },
  categories: frag.categories ?? pkg.categories,
  main: './dist/extension.js',
  activationEvents: frag.activationEvents ?? pkg.activationEvents,
  contributes: { ...(pkg.contributes ?? {}), ...(frag.contributes ?? {}) },
};

const stage = mkdtempSync(join(tmpdir(), 'fairdiv-vsix-'));
try {
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  for (const f of [
    'dist/extension.js',
    'dist/kernel.js',
    'dist/fairdiv.js',
    'dist/experiment-worker.js',
    'dist/simulation-worker.js',
    'dist/mms-worker.js',
    'dist/highs.wasm',
  ]) {
    mkdirSync(dirname(join(stage, f)), { recursive: true });
    cpSync(join(root, f), join(stage, f));
  }
  cpSync(join(root, 'dist/media'), join(stage, 'dist/media'), { recursive: true });
  mkdirSync(join(stage, 'notebooks'));
  const notebooks = readdirSync(join(root, 'notebooks')).filter((f) => f.endsWith('.ipynb'));
  for (const f of notebooks) {
    // ship sources only (outputs stripped)
    const nb = JSON.parse(readFileSync(join(root, 'notebooks', f), 'utf8'));
    for (const c of nb.cells) if (c.cell_type === 'code') Object.assign(c, { outputs: [], execution_count: null });
    writeFileSync(join(stage, 'notebooks', f), JSON.stringify(nb, null, 1) + '\n');
  }
  cpSync(join(root, 'walkthrough'), join(stage, 'walkthrough'), { recursive: true });
  cpSync(join(root, '.vscodeignore'), join(stage, '.vscodeignore'));
  writeFileSync(
    join(stage, 'README.md'),
    [
      '# Fair Division Notebooks',
      '',
      'Exact fair-division mechanisms, lotteries and certificates in VS Code notebooks.',
      '',
      '* A notebook kernel for `.ipynb` files (TypeScript and JavaScript cells) that runs user code in a',
      "  separate process; `import { instance, solve, certify, display } from 'fairdiv'` works out of the box.",
      '* Renderers for allocation matrices, lotteries, MMS histograms and certificate reports.',
      '* Commands: **Fair Division: Open Sample Notebook**, **Fair Division: New Notebook**,',
      '  **Fair Division: Restart Kernel**; a getting-started walkthrough.',
      '',
      `Bundled notebooks: ${notebooks.join(', ')}.`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(stage, 'LICENSE.md'),
    `MIT License\n\nCopyright (c) fairdiv contributors\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.\n`,
  );
  const out = outArg ?? join(root, `${manifest.name}-${manifest.version}.vsix`);
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  if (!existsSync(vsce)) {
    console.error('package-vsix: @vscode/vsce is not installed (npm install)');
    process.exit(1);
  }
  step(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out], stage);
  const bytes = statSync(out).size;
  console.log(`package-vsix: ${out} ${(bytes / 1024 / 1024).toFixed(2)} MiB (${bytes} bytes)`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
