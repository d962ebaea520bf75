/** Builds dist/ once per test process (`npm run build`); tests that need the published files await it. */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');
let building: Promise<void> | null = null;

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** dist/ is up to date when its declarations are newer than every file under src/ and kernel/. */
function distIsFresh(): boolean {
  const marker = path.join(ROOT, 'dist', 'src', 'index.d.ts');
  if (!fs.existsSync(marker) || !fs.existsSync(path.join(ROOT, 'dist', 'src', 'index.js'))) return false;
  const built = fs.statSync(marker).mtimeMs;
  return newest(path.join(ROOT, 'src')) < built && newest(path.join(ROOT, 'kernel')) < built;
}

export function ensureBuild(): Promise<void> {
  if (!building && distIsFresh()) building = Promise.resolve();
  if (!building) {
    building = new Promise<void>((resolve, reject) => {
      execFile(
        'npm',
        ['run', '--silent', 'build'],
        { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
        (err, stdout, stderr) => {
          if (err) reject(new Error(`npm run build failed:\n${stdout}\n${stderr}`));
          else resolve();
        },
      );
    });
  }
  return building;
}

/** Runs a command; resolves with its exit code and output (never rejects on a non-zero exit). */
export function run(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      {
        cwd: opts.cwd ?? ROOT,
        env: opts.env ?? process.env,
        timeout: opts.timeoutMs ?? 600000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (err, stdout, stderr) => {
        const code = err
          ? typeof (err as { code?: unknown }).code === 'number'
            ? (err as { code: number }).code
            : 1
          : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}
