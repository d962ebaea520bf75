/**
 * HiGHS for the synchronous checkers: `certify` is synchronous and the `highs` WASM package loads asynchronously, so
 * the models go to one child Node process that loads HiGHS, solves them in order and prints the answers (the alpha-PO
 * integer program, alpha-po.ts, and the Pareto-improvement programs, po-programs.ts). Nothing the child answers is
 * trusted: every caller re-checks exactly what it uses.
 */
import { spawnSync } from 'node:child_process';

/** One model: CPLEX LP text, HiGHS options, and its own time limit in seconds. */
export interface HighsModel {
  readonly lp: string;
  readonly options?: Readonly<Record<string, unknown>>;
  readonly seconds: number;
}

/** HiGHS's answer to one model: its status with the objective and columns, or an error. */
export interface HighsAnswer {
  readonly status: string;
  readonly objective?: number;
  readonly columns?: Readonly<Record<string, number>>;
  readonly error?: string;
}

const MARK = '@@HIGHS@@';

/** The models in order under one deadline (`solveInHighsProcess`), as the source of a `(input, h) => answers`. */
const SOLVE_IN_ORDER = `(input, h) => {
  const out = [];
  for (const m of input.models) {
    const left = (input.deadline - Date.now()) / 1000;
    if (left <= 0) break;
    try {
      const s = h.solve(m.lp, { ...m.options, time_limit: Math.max(0.001, Math.min(m.seconds, left)) });
      const columns = {};
      for (const [k, c] of Object.entries(s.Columns || {})) columns[k] = c.Primal;
      out.push({ status: s.Status, objective: s.ObjectiveValue, columns });
      if (input.untilOptimal && s.Status === 'Optimal') break;
    } catch (e) {
      out.push({ status: 'error', error: String((e && e.message) || e) });
    }
  }
  return out;
}`;

function highsPath(): string | null {
  try {
    return require.resolve('highs');
  } catch {
    return null;
  }
}

/**
 * Runs `work`, the JavaScript source of a function `(input, h) => answer` (h: the loaded HiGHS; the answer plain
 * JSON), in one child Node process given `input` plus `path` (the `highs` package) and `deadline` (ms since the epoch,
 * now + timeLimitMs); the process is killed 20 s past the deadline. The answer, or why there is none.
 */
export function runWithHighs<T>(work: string, input: object, timeLimitMs: number): { answer: T } | { error: string } {
  const path = highsPath();
  if (!path) return { error: 'the `highs` package is not installed' };
  const child = [
    "const input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));",
    `const done = (x) => process.stdout.write('\\n${MARK}' + JSON.stringify(x));`,
    'Promise.resolve().then(() => require(input.path)()).then(',
    `  (h) => done({ answer: (${work})(input, h) }),`,
    "  (e) => done({ error: 'loading HiGHS: ' + String((e && e.message) || e) }),",
    ');',
  ].join('\n');
  const killAfterMs = Math.ceil(timeLimitMs) + 20_000;
  const r = spawnSync(process.execPath, ['-e', child], {
    input: JSON.stringify({ ...input, path, deadline: Date.now() + timeLimitMs }),
    encoding: 'utf8',
    timeout: killAfterMs,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (r.error) return { error: `HiGHS process (killed past ${killAfterMs} ms?): ${r.error.message}` };
  const k = (r.stdout ?? '').lastIndexOf(MARK);
  if (k < 0)
    return {
      error: `HiGHS process exited (${r.status ?? r.signal}) without an answer: ${(r.stderr ?? '').slice(0, 300)}`,
    };
  return JSON.parse(r.stdout.slice(k + MARK.length)) as { answer: T } | { error: string };
}

/**
 * Solves `models` in order in one child process within `timeLimitMs` in all: each model gets the smaller of its own
 * seconds and the time left, a model the time does not reach is answered `not-started`, and with `untilOptimal` the
 * models after the first optimal one are `not-started` too. The process is killed 20 s past the limit; then, or when
 * HiGHS is missing or fails to load, every model is answered `error` with the reason. One answer per model.
 */
export function solveInHighsProcess(
  models: readonly HighsModel[],
  timeLimitMs: number,
  untilOptimal = false,
): HighsAnswer[] {
  const r = runWithHighs<HighsAnswer[]>(SOLVE_IN_ORDER, { models, untilOptimal }, timeLimitMs);
  if ('error' in r) return models.map(() => ({ status: 'error', error: r.error }));
  const answers = r.answer;
  return models.map((_, t) => answers[t] ?? { status: 'not-started', error: 'the time limit was spent before it' });
}
