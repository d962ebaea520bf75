/**
 * Benchmark of the Bai & Gölz experiment harness (issue 15, item 6): `npm run bench -- multipliers [options]`.
 *
 * Runs the whole of Figure 3 (ten peak agents, m = 10 ... 10000, T = 1000 trials per m) on the worker pool and
 * compares the wall time with the authors' reported 7870 s (their reference.txt: Python with MOSEK for rounded MNW and
 * Gurobi for PO, on a 3.1 GHz dual-core i5). Reports per m the counts against the authors' reference counts and the
 * compute seconds per column (summed over workers: a column's check plus its share of its rule), and the totals per
 * column. Writes `bench/results/multipliers.md`.
 *
 * Options: `--trials T`, `--m 10,20,...`, `--workers W` (default 2), `--experiment NAME` (default bai-golz-fig3),
 * `--columns c1,c2` (a subset of the columns), `--from A.json,B.json` (tabulate runs saved by
 * `fairdiv experiment ... --out RUN.json` instead of running; one section per run), `--out FILE`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { runExperiment, runFromJson, summarize, type ExperimentRun } from '../src/experiments';

const AUTHORS_SECONDS: Record<string, number> = { 'bai-golz-fig3': 7870, 'bai-golz-fig5': 3063, 'bai-golz-fig6': 3975 };

function arg(args: string[], name: string): string | undefined {
  const k = args.indexOf(`--${name}`);
  return k >= 0 ? args[k + 1] : undefined;
}

/** The markdown section of one run. */
function section(result: ExperimentRun, source: string): string[] {
  const rows = summarize(result);
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.counts)))];
  const totals: Record<string, number> = {};
  let sampling = 0;
  for (const u of result.units) {
    sampling += u.seconds.sampling;
    for (const [c, s] of Object.entries(u.seconds.columns)) totals[c] = (totals[c] ?? 0) + (s ?? 0);
  }
  const compute = sampling + Object.values(totals).reduce((a, b) => a + b, 0);
  const authors = AUTHORS_SECONDS[result.experiment];
  return [
    `## ${result.experiment}: ${result.trials} trials per m, m = ${result.ms.join(', ')}${result.columns ? `; columns ${result.columns.join(', ')}` : ''}`,
    '',
    `Source: ${source}.`,
    `Wall time: **${result.wallSeconds.toFixed(0)} s**${authors && !result.columns && result.trials === 1000 ? ` against the authors' ${authors} s (ratio ${(result.wallSeconds / authors).toFixed(3)}; goal < 0.1)` : ''}.`,
    `Compute time summed over workers: ${compute.toFixed(0)} s (sampling ${sampling.toFixed(0)} s).`,
    ...(result.retries?.length
      ? [
          `Retries of the undecided trials (\`fairdiv experiment retry\`, included in both times): ${result.retries
            .map(
              (r) =>
                `${r.decided} of ${r.tried} decided at ${r.timeLimitSeconds} s per integer program in ${r.wallSeconds.toFixed(0)} s wall`,
            )
            .join('; ')}.`,
        ]
      : []),
    '',
    '| column | compute seconds | per trial (ms) |',
    '|---|---:|---:|',
    ...Object.entries(totals).map(([c, s]) => {
      const trials = rows.filter((r) => r.counts[c as keyof typeof r.counts] !== undefined).length * result.trials;
      return `| ${c} | ${s.toFixed(1)} | ${((1000 * s) / Math.max(1, trials)).toFixed(2)} |`;
    }),
    '',
    `| m | ${columns.join(' | ')} | seconds |`,
    `|---:|${columns.map(() => '---|').join('')}---:|`,
    ...rows.map((r) => {
      const cells = columns.map((c) => {
        const k = c as keyof typeof r.counts;
        if (r.counts[k] === undefined) return '';
        const ref = r.reference?.[k];
        const match = r.referenceMatch?.[k];
        const und = r.undecided[k];
        const unp = r.unproven[k];
        return `${r.counts[k]}${und ? ` (+${und} undecided)` : ''}${unp ? ` (${unp} unproven)` : ''}${ref !== undefined ? ` / ref ${ref}${match ? ` (${match})` : ''}` : ''}`;
      });
      return `| ${r.m} | ${cells.join(' | ')} | ${r.seconds.toFixed(1)} |`;
    }),
    '',
    ...routes(rows),
  ];
}

/** How each PO answer was reached, per m (src/experiments/pareto.ts), when the run has a PO column. */
function routes(rows: ReturnType<typeof summarize>): string[] {
  if (!rows.some((r) => Object.keys(r.paretoVia).length)) return [];
  return [
    'PO answers by route (price-certificate, price-tree, fpo-certificate: proofs; integer-program: HiGHS called the',
    'program infeasible; the rest: exactly verified Pareto improvements):',
    '',
    '| m | routes |',
    '|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.m} | ${Object.entries(r.paretoVia)
          .sort(([, a], [, b]) => (b ?? 0) - (a ?? 0))
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')} |`,
    ),
    '',
  ];
}

export async function run(args: string[]): Promise<void> {
  const from = arg(args, 'from');
  const sections: string[] = [];
  if (from)
    for (const f of from.split(','))
      sections.push(...section(runFromJson(JSON.parse(readFileSync(f, 'utf8')), f), `run file ${f}`));
  else {
    const experiment = arg(args, 'experiment') ?? 'bai-golz-fig3';
    const result = await runExperiment(experiment, {
      trials: arg(args, 'trials') ? Number(arg(args, 'trials')) : undefined,
      ms: arg(args, 'm')?.split(',').map(Number),
      columns: arg(args, 'columns')?.split(','),
      workers: Number(arg(args, 'workers') ?? 2),
      onProgress: (p) => process.stderr.write(`\r${p.doneTrials}/${p.totalTrials} trials`),
    });
    process.stderr.write('\n');
    sections.push(...section(result, 'this benchmark run'));
  }
  const lines = [
    '# Bai & Gölz experiments: reproduction and timing',
    '',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; load average at the end ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')} (the machine is shared with other work).`,
    'Counts are successes out of the trials; "ref" is the authors\' count (1000 trials), compared exactly for the columns',
    "NumPy's legacy RandomState replays (multiplier and round-robin EF and EF1, the symmetric controls) and by the 95%",
    'Jeffreys interval otherwise (rounded MNW from MOSEK, integral MNW from BARON, PO from Gurobi).',
    '',
    ...sections,
  ];
  const out = arg(args, 'out') ?? 'bench/results/multipliers.md';
  writeFileSync(out, lines.join('\n'));
  console.log(lines.join('\n'));
}
