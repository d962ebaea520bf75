/** Debian's Chromium for the browser tests (renderer, code-server e2e): its path, launch flags, install. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';

/** Launch flags: no sandbox (containers), no GPU, no background traffic. Headless is Playwright's option. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-sync',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

/** Installs Chromium when missing (scripts/ensure-chromium.sh); throws when it is still not there. */
export function ensureChromium(): void {
  const r = spawnSync('sh', [path.join(__dirname, '..', '..', 'scripts', 'ensure-chromium.sh')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0)
    throw new Error(
      `Chromium is required and could not be installed (scripts/ensure-chromium.sh exited ${r.status ?? r.signal})`,
    );
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing after scripts/ensure-chromium.sh`);
}
