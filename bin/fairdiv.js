#!/usr/bin/env node
// The fairdiv CLI: runs the built library (dist/), or the TypeScript sources in a development checkout.
const fs = require('node:fs');
const path = require('node:path');
const built = path.join(__dirname, '..', 'dist', 'src', 'cli', 'index.js');
// a closed pipe (`fairdiv list | head`) ends the command quietly
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') process.exit(0);
  throw e;
});
let cli;
if (fs.existsSync(built)) cli = require(built);
else {
  require('../scripts/register.cjs');
  cli = require('../src/cli/index.ts');
}
cli.main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e && e.stack ? e.stack : e);
    process.exit(3);
  },
);
