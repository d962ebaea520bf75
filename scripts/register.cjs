// Require hook for running TypeScript sources directly (tests, bench, dev CLI): esbuild strips types.
const fs = require('node:fs');
const esbuild = require('esbuild');
require.extensions['.ts'] = function (module, filename) {
  const src = fs.readFileSync(filename, 'utf8');
  const { code } = esbuild.transformSync(src, {
    loader: 'ts',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: filename,
  });
  module._compile(code, filename);
};
