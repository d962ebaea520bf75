#!/usr/bin/env node
// `npm start`: runs every notebooks/*.ipynb with fairdiv's kernel, writes out/<name>.html and
// out/<name>.ipynb, prints a summary table (notebook, cells, certificates passed / failed, seconds).
// Exit 1 when a cell errors or a certificate fails. Uses the build in dist/ when present (npm start
// builds first), else the TypeScript sources. Options: --out DIR, --timeout SECONDS, names to filter.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const built = path.join(root, 'dist', 'kernel', 'runner.js');
let runner;
if (fs.existsSync(built) && !process.env.FAIRDIV_FROM_SOURCE) runner = require(built);
else {
  require('./register.cjs');
  runner = require('../kernel/runner.ts');
}

async function main(argv) {
  let outDir = path.join(root, 'out');
  let timeout;
  const filters = [];
  for (let k = 0; k < argv.length; k++) {
    if (argv[k] === '--out') outDir = path.resolve(argv[++k]);
    else if (argv[k] === '--timeout') timeout = Number(argv[++k]) * 1000;
    else filters.push(argv[k]);
  }
  const dir = path.join(root, 'notebooks');
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ipynb'))
    .sort()
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
  if (files.length === 0) {
    console.error('start: no notebooks found in notebooks/');
    return 1;
  }
  fs.mkdirSync(outDir, { recursive: true });
  const reports = [];
  for (const f of files) {
    const file = path.join(dir, f);
    const name = path.basename(f, '.ipynb');
    process.stderr.write(`running ${f} ...\n`);
    const r = await runner.runNotebook(file, timeout ? { cellTimeoutMs: timeout } : {});
    runner.writeNotebook(path.join(outDir, `${name}.ipynb`), r.output);
    runner.writeHtml(path.join(outDir, `${name}.html`), r.output, name);
    for (const c of r.output.cells)
      for (const o of c.outputs || [])
        if (o.output_type === 'error') console.error(`  ${f} [${c.execution_count}]: ${o.ename}: ${o.evalue}`);
    reports.push(r);
  }
  console.log(runner.summaryTable(reports));
  const bad = reports.filter((r) => !r.ok);
  console.log(
    `\n${reports.length} notebooks, HTML in ${path.relative(process.cwd(), outDir) || '.'}/` +
      (bad.length ? `; FAILED: ${bad.map((r) => path.basename(r.notebook)).join(', ')}` : '; all ok'),
  );
  return bad.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e && e.stack ? e.stack : e);
    process.exit(3);
  },
);
