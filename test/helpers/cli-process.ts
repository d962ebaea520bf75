/**
 * Runs the fairdiv CLI from the TypeScript sources in a child process with a hard wall-clock limit, so a test of a
 * former hang fails (instead of hanging the test run) when the hang comes back.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const ENTRY = `require(${JSON.stringify(path.join(ROOT, 'src', 'cli', 'index.ts'))}).main(process.argv.slice(1)).then((c) => process.exit(c), (e) => { console.error(e && e.stack ? e.stack : e); process.exit(3); });`;

export interface CliRun {
  /** Exit code; null when the process was killed at the limit. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock milliseconds, start-up included. */
  readonly ms: number;
  readonly killed: boolean;
}

/** `fairdiv ...argv` from the sources; killed (code null) after `limitMs`. */
export function runCli(
  argv: readonly string[],
  opts: { limitMs?: number; stdin?: string; cwd?: string } = {},
): Promise<CliRun> {
  const limitMs = opts.limitMs ?? 30_000;
  return new Promise((resolve) => {
    const start = Date.now();
    const child = spawn(
      process.execPath,
      ['-r', path.join(ROOT, 'scripts', 'register.cjs'), '-e', ENTRY, '--', ...argv],
      {
        cwd: opts.cwd ?? ROOT,
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true,
      },
    );
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      killed = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, limitMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: killed ? null : code, stdout, stderr, ms: Date.now() - start, killed });
    });
    child.stdin.end(opts.stdin ?? '');
  });
}

/** A fresh temporary directory for files a test writes. */
export function tempDir(prefix = 'fairdiv-boundary-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes `content` (a string, or JSON of an object) to `dir/name` and returns the path. */
export function writeFile(dir: string, name: string, content: unknown): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}
