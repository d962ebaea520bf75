/** Runs the fairdiv CLI's `main` in this process with its output captured (the child-process runner is cli-process.ts). */
import { main } from '../../src/cli/index';

export interface MainRun {
  readonly code: number;
  /** Everything written to stdout, each write ending in a newline. */
  readonly out: string;
  readonly err: string;
  /** Wall-clock milliseconds. */
  readonly ms: number;
}

/** `fairdiv ...argv`, with `stdin` as standard input. */
export async function runMain(argv: string[], stdin = ''): Promise<MainRun> {
  let out = '';
  let err = '';
  const start = Date.now();
  const code = await main(argv, {
    out: (s) => (out += s + '\n'),
    err: (s) => (err += s + '\n'),
    readStdin: () => stdin,
  });
  return { code, out, err, ms: Date.now() - start };
}
