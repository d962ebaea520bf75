/**
 * Benchmark of paper 003's n-agent mechanisms (issue 14, item 6): `npm run bench -- mixed [options]`, or
 * `node -r ./scripts/register.cjs bench/mixed.ts [options]`.
 *
 * * Algorithm 2 (`ef-efx-fpo-bivalued`) per sampled agent order on bi-valued instances (a = 1, b = 3, each
 *   agent finds each good large with her own probability): n = 10, m = 100 and n = 50, m = 1000. Per order:
 *   the algorithm, the Fisher-price construction, and the certificate checks (EFX, fPO by exchange cycles,
 *   fPO by the prices); the baseline is round robin on the same instance (EF1 only, no fPO).
 * * The exact lottery over all n! orders at n = 6, 7, 8 (m = 2n, few popular goods so that the order
 *   matters): time to run every order and merge, the
 *   support size, and the time of `certify` on the whole lottery. The same for `prop-efm` on mixed
 *   instances (m = 2n indivisible goods, one divisible good).
 *
 * Options: `--instances N` (per sampled row, default 5); `--seed S` (default 14); `--out FILE`
 * (default bench/results/mixed.md). Times are wall-clock milliseconds in this process.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { certify } from '../src/certify';
import { checkEFX0 } from '../src/checks/envy';
import { checkFPO } from '../src/checks/efficiency';
import { checkMarketEquilibrium } from '../src/checks/fisher-prices';
import { Allocation } from '../src/core/allocation';
import { Instance } from '../src/core/instance';
import { rng, type Rng } from '../src/core/rng';
import { pickingSequence } from '../src/mechanisms/classic/picking-sequence';
import '../src/mechanisms/bobw-mixed';
import { sampledAgentOrder } from '../src/mechanisms/agent-orders';
import { commonPair, largeTest } from '../src/mechanisms/bobw-mixed/bivalued';
import { marketPrices } from '../src/mechanisms/bobw-mixed/market-prices';
import { matchAndFreeze } from '../src/mechanisms/bobw-mixed/match-and-freeze';
import { mechanism } from '../src/mechanisms/registry';

function option(args: string[], name: string, fallback: string): string {
  const k = args.indexOf(`--${name}`);
  return k >= 0 && k + 1 < args.length ? args[k + 1] : fallback;
}

/** a = 1, b = 3; agent i finds each good large with probability p_i ~ U[0.1, 0.6]. */
function bivalued(r: Rng, n: number, m: number, cake: boolean): Instance {
  const p = Array.from({ length: n }, () => 0.1 + 0.5 * r.float());
  const values = p.map((pi) => [
    ...Array.from({ length: m }, () => (r.float() < pi ? 3 : 1)),
    ...(cake ? [r.int(0, 3 * m)] : []),
  ]);
  return new Instance(values, { bivalued: [1, 3], divisible: cake ? [m] : [] });
}

/** Few popular goods (each good popular with probability 1/4; an agent finds a popular good large with probability 4/5, every other good small): the agent order matters, so the lottery has a large support. */
function popular(r: Rng, n: number, m: number, cake: boolean): Instance {
  const hot = Array.from({ length: m }, () => r.float() < 0.25);
  const values = Array.from({ length: n }, () => [
    ...hot.map((h) => (h && r.float() < 0.8 ? 3 : 1)),
    ...(cake ? [r.int(0, 3 * m)] : []),
  ]);
  return new Instance(values, { bivalued: [1, 3], divisible: cake ? [m] : [] });
}

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const x = f();
  return [x, performance.now() - t];
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(args: string[]): Promise<void> {
  const instances = Number(option(args, 'instances', '5'));
  const seed = Number(option(args, 'seed', '14'));
  const out = option(args, 'out', 'bench/results/mixed.md');
  const r = rng(seed);
  const lines: string[] = [
    '# Paper 003 (Bu, Li, Liu, Lu & Tao 2024): n-agent mechanisms',
    '',
    `Seed ${seed}; ${instances} instances per sampled row; wall-clock ms (median over instances) in one process.`,
    '',
    '## Algorithm 2 per sampled agent order (a = 1, b = 3)',
    '',
    '| n | m | Algorithm 2 | prices | EFX check | fPO (cycles) | fPO (prices) | round robin (baseline) | all certified |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [n, m] of [
    [10, 100],
    [50, 1000],
  ] as const) {
    const t = {
      alg: [] as number[],
      prices: [] as number[],
      efx: [] as number[],
      cycle: [] as number[],
      priceCheck: [] as number[],
      rr: [] as number[],
    };
    let ok = true;
    for (let k = 0; k < instances; k++) {
      const inst = bivalued(r, n, m, false);
      const order = sampledAgentOrder(n, seed + k);
      const [res, tAlg] = timed(() => matchAndFreeze(inst, order));
      const [p, tPrices] = timed(() =>
        marketPrices(inst, res.bundles, (i) => res.removedRound[i] !== null, largeTest(inst), commonPair(inst).a),
      );
      const a = new Allocation(res.bundles, m);
      const [efx, tEfx] = timed(() => checkEFX0(inst, a));
      const [fpo, tCycle] = timed(() => checkFPO(inst, a));
      const [eq, tEq] = timed(() => checkMarketEquilibrium(inst, a.toFractional(), p.prices));
      const [, tRR] = timed(() => pickingSequence(inst, order));
      ok &&= efx.holds && fpo.holds && eq.holds;
      t.alg.push(tAlg);
      t.prices.push(tPrices);
      t.efx.push(tEfx);
      t.cycle.push(tCycle);
      t.priceCheck.push(tEq);
      t.rr.push(tRR);
    }
    lines.push(
      `| ${n} | ${m} | ${ms(median(t.alg))} | ${ms(median(t.prices))} | ${ms(median(t.efx))} | ${ms(median(t.cycle))} | ${ms(median(t.priceCheck))} | ${ms(median(t.rr))} | ${ok ? 'yes' : 'NO'} |`,
    );
    console.log(lines[lines.length - 1]);
  }
  lines.push('', '## The exact lottery over all n! agent orders (m = 2n, few popular goods; one instance per row)', '');
  lines.push(
    '| mechanism | n | m | orders | support | run all orders | certify | verdict |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const id of ['ef-efx-fpo-bivalued', 'prop-efm'] as const) {
    for (const n of [6, 7, 8]) {
      const inst = popular(r, n, 2 * n, id === 'prop-efm');
      const [o, tRun] = timed(() => mechanism(id).run(inst));
      const support = o.lottery?.size ?? o.mixed!.size;
      const [report, tCert] = timed(() => certify(o));
      let orders = 1;
      for (let k = 2; k <= n; k++) orders *= k;
      lines.push(
        `| ${id} | ${n} | ${2 * n} | ${orders} | ${support} | ${ms(tRun)} | ${ms(tCert)} | ${report.verdict} |`,
      );
      console.log(lines[lines.length - 1]);
    }
  }
  writeFileSync(out, lines.join('\n') + '\n');
  console.log(`wrote ${out}`);
}

if (require.main === module)
  run(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
