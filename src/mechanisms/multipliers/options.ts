/**
 * The option parsers of the multiplier mechanisms that the shared ones (src/mechanisms/options.ts) do not cover: the
 * agents' distributions (a named preset or one density spec per agent), a positive float (delta, q) and the
 * equalization method.
 */
import { InvalidInputError } from '../../core/errors';
import { toDensity, type DensityDistribution } from '../../stochastic/density';
import { distributionPreset, presetIds } from '../../stochastic/presets';
import { optionPath, type OptionSpec } from '../options';

/** The agents' distributions and, for a preset, its id and density bound q. */
export interface AgentDistributions {
  readonly agents: readonly DensityDistribution[];
  readonly preset?: string;
  /** The preset's q (the authors' choice) when there is one. */
  readonly q?: number;
}

/**
 * `distributions`: a preset id ("bai-golz-peaks", ...) or a list of n density specs ("peak:0.5", "uniform:0,1",
 * "beta:2,5", "histogram:..."). Recorded as the preset id or the specs. Code `bad-distribution`; `missing-option` when
 * `required` and absent.
 */
export function agentDistributionsOption(describe: string, required: true): OptionSpec<AgentDistributions>;
export function agentDistributionsOption(
  describe: string,
  required?: false,
): OptionSpec<AgentDistributions | undefined>;
export function agentDistributionsOption(
  describe: string,
  required = false,
): OptionSpec<AgentDistributions | undefined> {
  return {
    describe: `${describe}: a preset (${presetIds().join(', ')}) or one density spec per agent (peak:a, uniform:a,b, beta:a,b, histogram:...)`,
    parse(raw, ctx) {
      const n = ctx.instance.n;
      if (raw === undefined) {
        if (required) throw new InvalidInputError('missing-option', `${optionPath(ctx)} is required (${describe})`);
        return undefined;
      }
      if (typeof raw === 'string') {
        let preset;
        try {
          preset = distributionPreset(raw);
        } catch (e) {
          throw new InvalidInputError('bad-distribution', `${optionPath(ctx)}: ${(e as Error).message}`);
        }
        if (preset.agents.length !== n)
          throw new InvalidInputError(
            'bad-distribution',
            `${optionPath(ctx)}: preset ${raw} has ${preset.agents.length} agents, the instance has ${n}`,
          );
        return { agents: preset.agents, preset: raw, q: preset.q };
      }
      if (!Array.isArray(raw) || raw.length !== n)
        throw new InvalidInputError(
          'bad-distribution',
          `${optionPath(ctx)}: expected a preset id or ${n} distribution specs (one per agent), got ${JSON.stringify(raw)}`,
        );
      return { agents: raw.map((x, k) => toDensity(x, `${optionPath(ctx)}[${k}]`)) };
    },
    record: (d) => (d === undefined ? undefined : (d.preset ?? d.agents.map((a) => a.spec))),
  };
}

/** A finite number in (min, max) (exclusive bounds), with an optional default. Code `bad-option`. */
export function positiveNumberOption(
  describe: string,
  opts: { readonly max?: number; readonly default?: number } = {},
): OptionSpec<number | undefined> {
  return {
    describe,
    parse(raw, ctx) {
      if (raw === undefined) return opts.default;
      const max = opts.max ?? Infinity;
      if (typeof raw !== 'number' || !Number.isFinite(raw) || !(raw > 0) || !(raw < max))
        throw new InvalidInputError(
          'bad-option',
          `${optionPath(ctx)}: expected a number in (0, ${max}), got ${JSON.stringify(raw)}`,
        );
      return raw;
    },
  };
}
