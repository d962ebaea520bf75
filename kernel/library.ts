/**
 * Module resolution for cells: `import ... from 'fairdiv'` loads the kernel's library (FAIRDIV_LIBRARY, else
 * the library next to the kernel), `fairdiv/<path>` a file of the fairdiv package, and every other module
 * resolves from the notebook's folder. Compiled cells reach these through the `KERNEL_GLOBAL` object
 * (kernel/transform.ts).
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { findPackageRoot } from './package-root';
import { KERNEL_GLOBAL } from './transform';

/** The library module next to the kernel: kernel/main.ts -> src/index.ts; dist/kernel/main.js -> dist/src/index.js. */
function defaultLibrary(): string {
  const ext = path.extname(__filename);
  const candidate = path.join(__dirname, '..', 'src', `index${ext}`);
  return fs.existsSync(candidate) ? candidate : path.join(__dirname, '..', 'src', 'index.js');
}

/** The module `import ... from 'fairdiv'` loads: FAIRDIV_LIBRARY when set, else the library next to the kernel. */
export function libraryPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.FAIRDIV_LIBRARY ? path.resolve(env.FAIRDIV_LIBRARY) : defaultLibrary();
}

function importDefault(m: unknown): unknown {
  return m && typeof m === 'object' && (m as { __esModule?: boolean }).__esModule
    ? (m as { default?: unknown }).default
    : m;
}

/**
 * Installs the cells' `require` (and default-import helper, file and folder names) as the global
 * `KERNEL_GLOBAL`; returns the plain require of the notebook's folder (the kernel loads the library's
 * display code with it).
 */
export function installCellModules(library: string, cwd: string): NodeJS.Require {
  const nodeRequire = createRequire(path.join(cwd, '__notebook__.js'));
  let root: string | undefined;
  const cellRequire = (spec: string): unknown => {
    if (spec === 'fairdiv') return nodeRequire(library);
    if (spec.startsWith('fairdiv/'))
      return nodeRequire(
        path.join(
          (root ??= findPackageRoot(path.dirname(library)) ?? path.dirname(library)),
          spec.slice('fairdiv/'.length),
        ),
      );
    return nodeRequire(spec);
  };
  cellRequire.resolve = (spec: string) => (spec === 'fairdiv' ? library : nodeRequire.resolve(spec));
  Object.defineProperty(globalThis, KERNEL_GLOBAL, {
    value: { require: cellRequire, importDefault, filename: path.join(cwd, '__notebook__'), dirname: cwd },
    enumerable: false,
    configurable: false,
    writable: false,
  });
  return nodeRequire;
}
