/** The README's mechanism table from the registry; print it with `node -r ./scripts/register.cjs scripts/mechanism-table.ts`. */
import { list } from '../src/index';

/** One markdown row per registered mechanism, after the header: source, kind, guarantees, requirements and options. */
export function mechanismTable(): string[] {
  return [
    '| id | source | kind | guarantees | requires | options |',
    '|---|---|---|---|---|---|',
    ...list().map(
      (m) =>
        `| \`${m.id}\` | ${m.source} | ${m.kind} | ${m.guarantees.join('; ')} | ${m.requirements} | ${m.options.join('; ') || 'none'} |`,
    ),
  ];
}

if (require.main === module) console.log(mechanismTable().join('\n'));
