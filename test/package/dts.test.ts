/**
 * The published declarations (dist/**\/*.d.ts) parse under TypeScript 5.0, the compiler frozen inside
 * tslab, and a consumer importing 'fairdiv' with Node10 resolution type-checks (as tslab does).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuild, ROOT } from '../helpers/build';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ts50 = require('typescript50') as typeof import('typescript');

function dtsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...dtsFiles(p));
    else if (e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

describe('published .d.ts under TypeScript 5.0', function () {
  this.timeout(300000);
  before(async () => {
    await ensureBuild();
  });

  it('uses TypeScript 5.0', () => {
    assert.match(ts50.version, /^5\.0\./);
  });

  it('every dist/src .d.ts parses without syntax errors', () => {
    const files = dtsFiles(path.join(ROOT, 'dist', 'src'));
    assert.ok(files.length > 10, `expected declarations in dist/src, found ${files.length}`);
    const program = ts50.createProgram(files, { noEmit: true, skipLibCheck: true, types: [] });
    const problems = program
      .getSyntacticDiagnostics()
      .map(
        (d) =>
          `${d.file ? path.relative(ROOT, d.file.fileName) : '?'}: ${ts50.flattenDiagnosticMessageText(d.messageText, '\n')}`,
      );
    assert.deepEqual(problems, []);
  });

  it("a consumer of 'fairdiv' (main + types, Node10 resolution) type-checks", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; types: string };
    assert.ok(fs.existsSync(path.join(ROOT, pkg.main)), `main ${pkg.main} missing`);
    assert.ok(fs.existsSync(path.join(ROOT, pkg.types)), `types ${pkg.types} missing`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fairdiv-dts-'));
    try {
      fs.mkdirSync(path.join(dir, 'node_modules'));
      fs.symlinkSync(ROOT, path.join(dir, 'node_modules', 'fairdiv'));
      const file = path.join(dir, 'consumer.ts');
      fs.writeFileSync(
        file,
        [
          "import { instance, solve, certify, Rational } from 'fairdiv';",
          'const inst = instance({ a: { x: 1, y: 2 }, b: { x: 2, y: 1 } });',
          "const out = solve('round-robin', inst);",
          'const ok: boolean = certify(out).ok;',
          "const r: Rational = Rational.from('1/2');",
          'export { ok, r };',
        ].join('\n'),
      );
      const program = ts50.createProgram([file], {
        noEmit: true,
        strict: true,
        skipLibCheck: true,
        target: ts50.ScriptTarget.ES2022,
        module: ts50.ModuleKind.ESNext,
        moduleResolution: ts50.ModuleResolutionKind.Node10,
        esModuleInterop: true,
        types: ['node'],
        typeRoots: [path.join(ROOT, 'node_modules', '@types')],
      });
      const diags = ts50
        .getPreEmitDiagnostics(program)
        .filter((d) => !d.file || d.file.fileName === file || !d.file.fileName.includes('node_modules/@types'));
      assert.deepEqual(
        diags.map((d) => ts50.flattenDiagnosticMessageText(d.messageText, '\n')),
        [],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
