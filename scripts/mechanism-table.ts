/** Prints the README's mechanism table from the registry: `node -r ./scripts/register.cjs scripts/mechanism-table.ts`. */
import { list } from '../src/index';

console.log('| id | source | kind | claims | requires |\n|---|---|---|---|---|');
for (const m of list()) console.log(`| \`${m.id}\` | ${m.source} | ${m.kind} | ${m.guarantees.join('; ')} | ${m.requirements} |`);
