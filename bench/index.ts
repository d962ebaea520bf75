/**
 * `npm run bench -- <name>`: runs one benchmark (or all without a name). Each benchmark compares against
 * a baseline run in the same process and writes its table to bench/results/<name>.md.
 */
type Bench = { run(args: string[]): Promise<void> };
const benches: Record<string, () => Bench> = {
  mms: () => require('./mms') as Bench,
  certify: () => require('./certify') as Bench,
  'tie-mms': () => require('./tie-mms') as Bench,
  bobw: () => require('./bobw') as Bench,
  mixed: () => require('./mixed') as Bench,
  multipliers: () => require('./multipliers') as Bench,
  simulate: () => require('./simulate') as Bench,
  kernel: () => require('./kernel') as Bench,
};

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const names = name ? [name] : Object.keys(benches);
  for (const b of names) {
    const load = benches[b];
    if (!load) throw new Error(`unknown benchmark "${b}" (known: ${Object.keys(benches).join(', ')})`);
    await load().run(args);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
