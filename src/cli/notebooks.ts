/**
 * `fairdiv notebooks <dir> [--force]`: copies the bundled notebooks (`notebooks/*.ipynb` of the installed package)
 * into a folder of the user's, so they can be opened and run from there (`fairdiv run`, VS Code, tslab).
 * Existing files are left alone unless `--force`: a user's edited copy is never overwritten silently.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findPackageRoot } from '../../kernel/package-root';
import type { Command } from './commands';
import { parseArgs, UsageError } from './io';

const USAGE = 'usage: fairdiv notebooks <dir> [--force]   copy the bundled notebooks into <dir>';

/** The folder of the package.json named "fairdiv" above this module (dist/src/cli or src/cli). */
export function packageRoot(from: string = __dirname): string {
  const root = findPackageRoot(from);
  if (root === null) throw new UsageError(`cannot find fairdiv's package.json above ${from}`);
  return root;
}

/** The bundled notebooks, sorted by name (absolute paths). */
export function bundledNotebooks(root: string = packageRoot()): string[] {
  const dir = path.join(root, 'notebooks');
  if (!fs.existsSync(dir)) throw new UsageError(`no bundled notebooks in ${dir}`);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ipynb'))
    .sort()
    .map((f) => path.join(dir, f));
}

export const notebooksCommand: Command = (argv, io) => {
  const { positional, options } = parseArgs(argv, { flags: ['force'], allowed: ['force'] });
  if (positional.length !== 1) throw new UsageError(USAGE);
  const target = path.resolve(positional[0]);
  if (fs.existsSync(target) && !fs.statSync(target).isDirectory())
    throw new UsageError(`${positional[0]}: exists and is not a folder`);
  fs.mkdirSync(target, { recursive: true });
  const copied: string[] = [];
  const kept: string[] = [];
  for (const file of bundledNotebooks()) {
    const dest = path.join(target, path.basename(file));
    if (fs.existsSync(dest) && options.force !== true) kept.push(path.basename(file));
    else {
      fs.copyFileSync(file, dest);
      copied.push(path.basename(file));
    }
  }
  const relative = path.relative(process.cwd(), target);
  const rel = relative === '' ? '.' : relative.startsWith('..') ? target : relative;
  for (const f of copied) io.out(`copied ${path.join(rel, f)}`);
  if (kept.length) io.err(`kept ${kept.length} existing file(s) (use --force to overwrite): ${kept.join(', ')}`);
  if (copied.length)
    io.out(`run one: npx fairdiv run ${path.join(rel, copied[0])} --html ${path.basename(copied[0], '.ipynb')}.html`);
  return 0;
};
