/**
 * Cell compiler: TypeScript 5.9 `transpileModule` (types stripped, imports kept verbatim), then a
 * line-preserving rewrite of the top level so that a cell becomes a Script whose declarations persist:
 *
 *   var a, b, C;                                     <- line 0 (hidden by lineOffset -1)
 *   (async (require, __filename, __dirname) => {    <- same line 0
 *     a = 1;  ({ b } = obj);  C = class C {};  return (lastExpression);
 *   })(__fdKernel.require, ...)
 *
 * * `import` declarations become assignments from `__fdKernel.require` (`fairdiv` -> our library);
 * * `const`/`let`/`var` become assignments to script-level `var`s (global, re-declarable when a cell is
 *   re-run), functions are copied onto the global object, classes become class-expression assignments;
 * * the cell runs inside an async arrow, so top-level `await` works; its last expression statement is
 *   returned (shown as the cell's result);
 * * positions: every edit keeps line breaks; columns shifted by inserted text are tracked so runtime
 *   stack positions map back through TypeScript's source map to the cell's own line and column.
 */
import ts from 'typescript';
import { SourceMapLookup } from './sourcemap';
import type { CellLanguage } from './protocol';

export class CellSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'SyntaxError';
  }
}

export interface CompiledCell {
  /** The Script source to evaluate with `vm.runInThisContext(code, { lineOffset: -1 })`. */
  readonly code: string;
  /** Whether the cell ends with an expression statement whose value is returned. */
  readonly hasResult: boolean;
  /** Top-level names declared by the cell. */
  readonly names: readonly string[];
  /** Maps a 1-based (line, column) of the cell body as reported by V8 to the cell's source (1-based). */
  readonly mapPosition: (line: number, column: number) => { line: number; column: number } | null;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The global object's property through which compiled cells reach the kernel. */
export const KERNEL_GLOBAL = '__fdKernel';

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  verbatimModuleSyntax: true,
  sourceMap: true,
  esModuleInterop: true,
  useDefineForClassFields: true,
};

export function compileCell(source: string, language: CellLanguage = 'typescript'): CompiledCell {
  const fileName = language === 'javascript' ? 'cell.js' : 'cell.ts';
  const out = ts.transpileModule(source, { compilerOptions: COMPILER_OPTIONS, fileName, reportDiagnostics: true });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    const d = errors[0];
    let line = 1;
    let column = 1;
    if (d.file && d.start !== undefined) {
      const p = d.file.getLineAndCharacterOfPosition(d.start);
      line = p.line + 1;
      column = p.character + 1;
    }
    throw new CellSyntaxError(ts.flattenDiagnosticMessageText(d.messageText, '\n'), line, column);
  }
  const js = out.outputText.replace(/\n?\/\/# sourceMappingURL=.*\s*$/, '\n');
  const map = SourceMapLookup.fromJson(out.sourceMapText);
  const sf = ts.createSourceFile('cell.js', js, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);

  const names = new Set<string>();
  const functionNames: string[] = [];
  const edits: Edit[] = [];
  const statements = sf.statements;
  let hasResult = false;

  const req = `${KERNEL_GLOBAL}.require`;
  for (let k = 0; k < statements.length; k++) {
    const st = statements[k];
    const isLast = k === statements.length - 1;
    const start = st.getStart(sf);
    if (ts.isImportDeclaration(st)) {
      edits.push({ start, end: st.end, text: importToAssignments(st, sf, names, req) });
    } else if (ts.isExportDeclaration(st)) {
      edits.push({ start, end: st.end, text: '' });
    } else if (ts.isExportAssignment(st)) {
      // `export default expr` -> the expression (and the result when last).
      const exprStart = st.expression.getStart(sf);
      if (isLast) {
        edits.push({ start, end: exprStart, text: 'return (' });
        edits.push({ start: st.expression.end, end: st.end, text: ');' });
        hasResult = true;
      } else edits.push({ start, end: exprStart, text: '' });
    } else if (ts.isVariableStatement(st)) {
      stripExport(st, sf, edits);
      rewriteVariableStatement(st, sf, names, edits);
    } else if (ts.isFunctionDeclaration(st) && st.name) {
      stripExport(st, sf, edits);
      names.add(st.name.text);
      functionNames.push(st.name.text);
    } else if (ts.isClassDeclaration(st) && st.name) {
      stripExport(st, sf, edits);
      names.add(st.name.text);
      const classStart = classKeywordStart(st, sf);
      edits.push({ start: classStart, end: classStart, text: `${st.name.text} = ` });
      edits.push({ start: st.end, end: st.end, text: ';' });
    } else if (ts.isExpressionStatement(st) && isLast) {
      const e = st.expression;
      edits.push({ start: e.getStart(sf), end: e.getStart(sf), text: 'return (' });
      edits.push({ start: e.end, end: e.end, text: ')' });
      hasResult = true;
    }
  }

  const { text: body, shifts } = applyEdits(js, edits);
  const header =
    (names.size > 0 ? `var ${[...names].join(', ')}; ` : '') +
    `(async (require, __filename, __dirname) => { ` +
    functionNames.map((f) => `globalThis[${JSON.stringify(f)}] = ${f}; `).join('');
  const footer = `\n})(${KERNEL_GLOBAL}.require, ${KERNEL_GLOBAL}.filename, ${KERNEL_GLOBAL}.dirname)`;
  const code = header + '\n' + body + footer;

  const bodyLines = body.split('\n').length;
  const mapPosition = (line: number, column: number) => {
    if (line < 1 || line > bodyLines) return null; // the hidden wrapper lines
    // V8 reports 1-based lines (with lineOffset -1 applied, so line 1 = first body line) and columns.
    const l0 = line - 1;
    let c0 = column - 1;
    for (const s of [...(shifts.get(l0) ?? [])].reverse()) if (s.column <= c0) c0 = Math.max(s.column, c0 - s.delta);
    const orig = map?.lookup(l0, c0);
    return orig ? { line: orig.line + 1, column: orig.column + 1 } : { line, column: c0 + 1 };
  };
  return { code, hasResult, names: [...names], mapPosition };
}

function stripExport(st: ts.Statement, sf: ts.SourceFile, edits: Edit[]): void {
  const mods = ts.canHaveModifiers(st) ? (ts.getModifiers(st) ?? []) : [];
  for (const m of mods) {
    if (m.kind === ts.SyntaxKind.ExportKeyword || m.kind === ts.SyntaxKind.DefaultKeyword) {
      const s = m.getStart(sf);
      edits.push({ start: s, end: m.end, text: ' '.repeat(m.end - s) });
    }
  }
}

function classKeywordStart(st: ts.ClassDeclaration, sf: ts.SourceFile): number {
  const mods = ts.getModifiers(st) ?? [];
  const decorators = ts.canHaveDecorators(st) ? (ts.getDecorators(st) ?? []) : [];
  let pos = st.getStart(sf);
  for (const m of [...mods, ...decorators]) pos = Math.max(pos, m.end);
  const text = sf.text;
  const idx = text.indexOf('class', pos);
  return idx >= 0 ? idx : st.getStart(sf);
}

function bindingNames(name: ts.BindingName, out: Set<string>): void {
  if (ts.isIdentifier(name)) out.add(name.text);
  else
    for (const el of name.elements) {
      if (ts.isOmittedExpression(el)) continue;
      bindingNames(el.name, out);
    }
}

function rewriteVariableStatement(
  st: ts.VariableStatement,
  sf: ts.SourceFile,
  names: Set<string>,
  edits: Edit[],
): void {
  const list = st.declarationList;
  const isVar = (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0;
  const decls = list.declarations;
  if (decls.length === 0) return;
  // The keyword (`const`, `let`, `var`, `using`...) up to the first declaration becomes spaces.
  const kwStart = list.getStart(sf);
  const firstStart = decls[0].getStart(sf);
  edits.push({ start: kwStart, end: firstStart, text: ' '.repeat(firstStart - kwStart) });
  for (const d of decls) {
    bindingNames(d.name, names);
    const s = d.getStart(sf);
    if (!d.initializer) {
      // `let x;` resets x (re-running a cell); `var x;` keeps the value, as JavaScript does.
      edits.push({ start: d.end, end: d.end, text: isVar ? '' : ' = void 0' });
      continue;
    }
    if (ts.isObjectBindingPattern(d.name)) {
      edits.push({ start: s, end: s, text: '(' });
      edits.push({ start: d.end, end: d.end, text: ')' });
    }
  }
  // A statement that now starts with `[` or `(` is safe: TypeScript's output always ends statements with `;`.
}

function importToAssignments(st: ts.ImportDeclaration, sf: ts.SourceFile, names: Set<string>, req: string): string {
  const spec = (st.moduleSpecifier as ts.StringLiteral).text;
  const call = `${req}(${JSON.stringify(spec)})`;
  const original = st.getText(sf);
  const newlines = (original.match(/\n/g) ?? []).length;
  const clause = st.importClause;
  let text: string;
  if (!clause) text = `${call};`;
  else {
    const parts: string[] = [];
    if (clause.name) {
      names.add(clause.name.text);
      parts.push(`${clause.name.text} = ${KERNEL_GLOBAL}.importDefault(${call});`);
    }
    const nb = clause.namedBindings;
    if (nb && ts.isNamespaceImport(nb)) {
      names.add(nb.name.text);
      parts.push(`${nb.name.text} = ${call};`);
    } else if (nb && ts.isNamedImports(nb) && nb.elements.length > 0) {
      const props = nb.elements.map((el) => {
        names.add(el.name.text);
        const from = el.propertyName ? el.propertyName.text : el.name.text;
        return from === el.name.text ? from : `${JSON.stringify(from)}: ${el.name.text}`;
      });
      parts.push(`({ ${props.join(', ')} } = ${call});`);
    } else if (!clause.name) parts.push(`${call};`);
    text = parts.join(' ');
  }
  return text + '\n'.repeat(newlines);
}

/** Applies non-overlapping edits; returns the text and, per output line, the column shifts inserted. */
function applyEdits(
  text: string,
  edits: Edit[],
): { text: string; shifts: Map<number, { column: number; delta: number }[]> } {
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  const shifts = new Map<number, { column: number; delta: number }[]>();
  let line = 0;
  let lineStartInOut = 0;
  const advance = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) === 10) {
        line++;
        lineStartInOut = out.length + i + 1;
      }
    }
    out += s;
  };
  for (const e of edits) {
    if (e.start < pos) continue; // overlapping (should not happen)
    advance(text.slice(pos, e.start));
    const removed = text.slice(e.start, e.end);
    const removedNl = (removed.match(/\n/g) ?? []).length;
    let replacement = e.text;
    const addedNl = (replacement.match(/\n/g) ?? []).length;
    if (addedNl < removedNl) replacement += '\n'.repeat(removedNl - addedNl);
    const delta = replacement.length - removed.length;
    if (removedNl === 0 && delta !== 0) {
      const col = out.length - lineStartInOut;
      const arr = shifts.get(line) ?? [];
      arr.push({ column: col, delta });
      shifts.set(line, arr);
    }
    advance(replacement);
    pos = e.end;
  }
  advance(text.slice(pos));
  return { text: out, shifts };
}
