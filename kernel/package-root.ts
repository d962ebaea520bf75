/** Where the fairdiv package is installed: the kernel's `fairdiv/<path>` imports and the CLI's bundled notebooks. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The folder of the nearest package.json named "fairdiv" at or above `from`, or null when there is none. */
export function findPackageRoot(from: string): string | null {
  for (let dir = from; ;) {
    try {
      const pj = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown } | null;
      if (pj?.name === 'fairdiv') return dir;
    } catch {
      // no (readable) package.json here: keep walking up
    }
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}
