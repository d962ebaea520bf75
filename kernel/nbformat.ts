/**
 * nbformat 4 helpers: types, kernel outputs -> nbformat outputs, certificate counting, and a
 * self-contained HTML export (our text/html outputs inline, markdown rendered simply, no network).
 */
import { esc as escapeHtml } from '../src/display/html/common';
import { mimeOf } from '../src/display/payload';
import type { CellLanguage, KernelOutput } from './protocol';

export type MultilineString = string | string[];

export interface NbOutput {
  output_type: 'stream' | 'display_data' | 'execute_result' | 'error';
  name?: 'stdout' | 'stderr';
  text?: MultilineString;
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  execution_count?: number | null;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

export interface NbCell {
  cell_type: 'code' | 'markdown' | 'raw';
  id?: string;
  source: MultilineString;
  metadata: Record<string, unknown>;
  outputs?: NbOutput[];
  execution_count?: number | null;
  attachments?: unknown;
}

export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: NbCell[];
}

const CERTIFICATE_MIME = mimeOf('certificate');

export function sourceOf(cell: NbCell): string {
  return Array.isArray(cell.source) ? cell.source.join('') : (cell.source ?? '');
}

/** Splits text into nbformat's list-of-lines form (each line keeps its '\n'). */
export function toLines(s: string): string[] {
  const out = s.match(/[^\n]*\n|[^\n]+$/g);
  return out ?? [];
}

/** The notebook's cell language (typescript unless the metadata says javascript). */
export function notebookLanguage(nb: Notebook): CellLanguage {
  const meta = (nb.metadata ?? {}) as { language_info?: { name?: string }; kernelspec?: { language?: string } };
  const lang = (meta.language_info?.name ?? meta.kernelspec?.language ?? 'typescript').toLowerCase();
  return lang === 'javascript' || lang === 'js' ? 'javascript' : 'typescript';
}

export function cellLanguage(nb: Notebook, cell: NbCell): CellLanguage {
  const vs = (cell.metadata as { vscode?: { languageId?: string } } | undefined)?.vscode?.languageId;
  if (vs === 'javascript') return 'javascript';
  if (vs === 'typescript') return 'typescript';
  return notebookLanguage(nb);
}

/** Characters of one saved stream output at most; the rest is summarized in one line (issue 16). */
export const MAX_SAVED_STREAM_CHARS = 1_000_000;

/** Consecutive stream chunks as one saved text: the first MAX_SAVED_STREAM_CHARS characters, then a summary. */
function savedStream(parts: readonly string[]): string[] {
  const text = parts.join('');
  if (text.length <= MAX_SAVED_STREAM_CHARS) return toLines(text);
  const kept = text.slice(0, text.lastIndexOf('\n', MAX_SAVED_STREAM_CHARS) + 1 || MAX_SAVED_STREAM_CHARS);
  const rest = text.slice(kept.length);
  const lines = (rest.match(/\n/g) ?? []).length + (rest.endsWith('\n') ? 0 : 1);
  return [
    ...toLines(kept.endsWith('\n') ? kept : `${kept}\n`),
    `[... ${lines} more lines (${rest.length} characters) not saved]\n`,
  ];
}

/**
 * Kernel outputs of one cell -> nbformat outputs (consecutive stream chunks merged in linear time, each merged
 * stream capped at MAX_SAVED_STREAM_CHARS). Progress bars are transient and dropped, so saved notebooks stay clean.
 */
export function toNbOutputs(outputs: readonly KernelOutput[], executionCount: number): NbOutput[] {
  const out: NbOutput[] = [];
  // the chunks of the stream output being merged (joined once it ends: re-joining per chunk was quadratic)
  let pending: { output: NbOutput; parts: string[] } | null = null;
  const close = () => {
    if (pending) pending.output.text = savedStream(pending.parts);
    pending = null;
  };
  for (const o of outputs) {
    if (o.type === 'progress') continue;
    if (o.type === 'stream') {
      if (pending && pending.output.name === o.name) pending.parts.push(o.text);
      else {
        close();
        const output: NbOutput = { output_type: 'stream', name: o.name, text: [] };
        out.push(output);
        pending = { output, parts: [o.text] };
      }
      continue;
    }
    close();
    if (o.type === 'display') {
      const data: Record<string, unknown> = {};
      for (const [mime, v] of Object.entries(o.data))
        data[mime] = typeof v === 'string' && mime.startsWith('text/') ? toLines(v) : v;
      if (o.result) out.push({ output_type: 'execute_result', execution_count: executionCount, data, metadata: {} });
      else out.push({ output_type: 'display_data', data, metadata: {} });
    } else {
      out.push({ output_type: 'error', ename: o.ename, evalue: o.evalue, traceback: o.traceback });
    }
  }
  close();
  return out;
}

export interface CertificateCount {
  /** Certificate reports shown with no failing claim. */
  passed: number;
  /** Certificate reports shown with at least one failing claim. */
  failed: number;
  /** Claims over all reports. */
  claimsPassed: number;
  claimsFailed: number;
}

/** Counts the CertificateReport outputs (custom MIME kind `certificate`) of nbformat outputs. */
export function countCertificates(outputs: readonly NbOutput[]): CertificateCount {
  const c: CertificateCount = { passed: 0, failed: 0, claimsPassed: 0, claimsFailed: 0 };
  for (const o of outputs) {
    const p = o.data?.[CERTIFICATE_MIME];
    const payload = typeof p === 'string' ? safeJson(p) : p;
    if (!payload || typeof payload !== 'object') continue;
    const cert = payload as { ok?: boolean; passed?: number; failed?: number; claims?: { status?: string }[] };
    const claims = Array.isArray(cert.claims) ? cert.claims : [];
    const failedClaims =
      typeof cert.failed === 'number' ? cert.failed : claims.filter((x) => x.status === 'fail').length;
    const passedClaims =
      typeof cert.passed === 'number' ? cert.passed : claims.filter((x) => x.status === 'pass').length;
    c.claimsPassed += passedClaims;
    c.claimsFailed += failedClaims;
    if (cert.ok === false || failedClaims > 0) c.failed++;
    else c.passed++;
  }
  return c;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

// --- HTML export ------------------------------------------------------------------------------------

const ANSI = /\u001b\[[0-9;]*m/g;

function joinText(v: unknown): string {
  return Array.isArray(v) ? v.join('') : typeof v === 'string' ? v : JSON.stringify(v, null, 2);
}

/** nbformat text: a string or a list of strings (anything else is not text). */
function isText(v: unknown): v is string | string[] {
  return typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
}

/**
 * A link target the export keeps: http(s), mailto, or a relative reference (another notebook, an anchor).
 * Browsers drop leading control characters and spaces, and tabs and newlines anywhere, before reading the
 * scheme, so the check does the same; any other scheme (javascript:, data:, vbscript:, ...) is refused.
 */
export function safeHref(href: string): boolean {
  const u = href.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(u);
  return !scheme || /^(https?|mailto)$/i.test(scheme[1]);
}

/** Decodes the character references a browser decodes in an attribute value (enough to read its scheme). */
function decodeAttribute(v: string): string {
  const named: Record<string, string> = {
    colon: ':',
    tab: '\t',
    newline: '\n',
    amp: '&',
    quot: '"',
    apos: "'",
    lt: '<',
    gt: '>',
    sol: '/',
  };
  return v.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return named[ref.toLowerCase()] ?? m;
  });
}

/**
 * HTML of an output with every URL attribute limited as links are (`safeHref`; images also take data:image/),
 * a disallowed one replaced by `#blocked`. The page's CSP already runs no script; this keeps a crafted output
 * from even offering a javascript: link.
 */
export function limitUrls(html: string): string {
  return html.replace(
    /(\s(?:href|src|action|formaction|xlink:href|poster|background|data)\s*=\s*)("[^"]*"|'[^']*'|[^\s>]+)/gi,
    (m, attr: string, quoted: string) => {
      const raw = /^["']/.test(quoted) ? quoted.slice(1, -1) : quoted;
      const url = decodeAttribute(raw)
        .replace(/^[\u0000-\u0020]+/, '')
        .replace(/[\t\n\r]/g, '');
      const image = /^\s*src/i.test(attr) && /^data:image\/(png|jpeg|gif|svg\+xml)[;,]/i.test(url);
      return safeHref(url) || image ? m : `${attr}"#blocked"`;
    },
  );
}

/** Base64 as image outputs carry it (whitespace allowed between lines); anything else is not an image. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function inlineMarkdown(s: string): string {
  // code spans first (their content is not formatted), then links, bold, italic.
  const parts = s.split(/(`[^`]+`)/g);
  return parts
    .map((p) => {
      if (/^`[^`]+`$/.test(p)) return `<code>${escapeHtml(p.slice(1, -1))}</code>`;
      let t = escapeHtml(p);
      // the href is escaped text already; a link with another scheme keeps its label, without the link
      t = t.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, label: string, href: string) =>
        safeHref(href.replace(/&amp;/g, '&')) ? `<a href="${href}" rel="noopener noreferrer">${label}</a>` : label,
      );
      t = t.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>').replace(/__([^_]+)__/g, '<strong>$1</strong>');
      t = t
        .replace(/(^|[^*\w])\*([^*\s][^*]*?)\*(?!\*)/g, '$1<em>$2</em>')
        .replace(/(^|[^_\w])_([^_\s][^_]*?)_(?![_\w])/g, '$1<em>$2</em>');
      return t;
    })
    .join('');
}

/** A small markdown renderer: headings, paragraphs, lists, fenced code, quotes, rules, tables. */
export function renderMarkdown(md: string): string {
  const lines = md.replace(/\r\n/g, '\n').split('\n');
  const html: string[] = [];
  let para: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | null = null;
  const flushPara = () => {
    if (para.length) html.push(`<p>${inlineMarkdown(para.join(' '))}</p>`);
    para = [];
  };
  const flushList = () => {
    if (list)
      html.push(`<${list.tag}>${list.items.map((i) => `<li>${inlineMarkdown(i)}</li>`).join('')}</${list.tag}>`);
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^\s*```(\w*)/.exec(line);
    if (fence) {
      flushPara();
      flushList();
      const code: string[] = [];
      for (i++; i < lines.length && !/^\s*```/.test(lines[i]); i++) code.push(lines[i]);
      html.push(`<pre class="md-code"><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      flushPara();
      flushList();
      html.push(`<h${h[1].length}>${inlineMarkdown(h[2])}</h${h[1].length}>`);
      continue;
    }
    if (/^\s*(\*\s*\*\s*\*|-{3,}|_{3,})\s*$/.test(line)) {
      flushPara();
      flushList();
      html.push('<hr>');
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(line) && i + 1 < lines.length && /^\s*\|[\s:|-]+\|\s*$/.test(lines[i + 1])) {
      flushPara();
      flushList();
      const cells = (l: string) =>
        l
          .trim()
          .replace(/^\||\|$/g, '')
          .split('|')
          .map((c) => c.trim());
      const head = cells(line);
      const rows: string[][] = [];
      for (i += 2; i < lines.length && /^\s*\|.*\|\s*$/.test(lines[i]); i++) rows.push(cells(lines[i]));
      i--;
      html.push(
        `<table class="md-table"><thead><tr>${head.map((c) => `<th>${inlineMarkdown(c)}</th>`).join('')}</tr></thead><tbody>` +
          rows.map((r) => `<tr>${r.map((c) => `<td>${inlineMarkdown(c)}</td>`).join('')}</tr>`).join('') +
          '</tbody></table>',
      );
      continue;
    }
    const ul = /^\s*[-*+]\s+(.*)$/.exec(line);
    const ol = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (ul || ol) {
      flushPara();
      const tag = ul ? 'ul' : 'ol';
      if (list && list.tag !== tag) flushList();
      if (!list) list = { tag, items: [] };
      list.items.push((ul ?? ol)![1]);
      continue;
    }
    if (list && /^\s{2,}\S/.test(line)) {
      list.items[list.items.length - 1] += ' ' + line.trim();
      continue;
    }
    const q = /^\s*>\s?(.*)$/.exec(line);
    if (q) {
      flushPara();
      flushList();
      html.push(`<blockquote>${inlineMarkdown(q[1])}</blockquote>`);
      continue;
    }
    if (line.trim() === '') {
      flushPara();
      flushList();
      continue;
    }
    flushList();
    para.push(line.trim());
  }
  flushPara();
  flushList();
  return html.join('\n');
}

function outputHtml(o: NbOutput): string {
  if (o === null || typeof o !== 'object') return '';
  if (o.output_type === 'stream') {
    return `<pre class="out-stream${o.name === 'stderr' ? ' out-stderr' : ''}">${escapeHtml(joinText(o.text ?? '').replace(ANSI, ''))}</pre>`;
  }
  if (o.output_type === 'error') {
    const tb = (Array.isArray(o.traceback) ? o.traceback.map(String) : [`${o.ename}: ${o.evalue}`])
      .join('\n')
      .replace(ANSI, '');
    return `<pre class="out-error">${escapeHtml(tb)}</pre>`;
  }
  const data = o.data !== null && typeof o.data === 'object' ? o.data : {};
  // HTML an executed cell produced is kept (the page's Content-Security-Policy runs none of its scripts), but a
  // <meta> (a refresh to elsewhere) or <base> inside it is shown as text
  if (isText(data['text/html']))
    return `<div class="out-html">${limitUrls(joinText(data['text/html'])).replace(/<(?=\s*\/?\s*(meta|base)\b)/gi, '&lt;')}</div>`;
  // SVG is drawn as an image: scripts inside an image never run
  if (isText(data['image/svg+xml']))
    return `<img alt="output" src="data:image/svg+xml;base64,${Buffer.from(joinText(data['image/svg+xml']), 'utf8').toString('base64')}">`;
  for (const img of ['image/png', 'image/jpeg', 'image/gif']) {
    if (typeof data[img] !== 'string') continue;
    const b64 = (data[img] as string).replace(/\s/g, '');
    return BASE64.test(b64)
      ? `<img alt="output" src="data:${img};base64,${b64}">`
      : `<pre class="out-error">${escapeHtml(`${img} output: not base64 data`)}</pre>`;
  }
  if (isText(data['text/markdown']))
    return `<div class="out-md">${renderMarkdown(joinText(data['text/markdown']))}</div>`;
  if (data['text/plain'] !== undefined)
    return `<pre class="out-text">${escapeHtml(joinText(data['text/plain']))}</pre>`;
  return '';
}

const PAGE_STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1100px;margin:24px auto;padding:0 16px;color:#1f2328;background:#fff;line-height:1.5}
.cell{margin:14px 0}
.md h1,.md h2,.md h3{margin:18px 0 8px;line-height:1.25}
.md code,.src code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
.md p code{background:rgba(128,128,128,.12);padding:1px 4px;border-radius:3px}
.md-table{border-collapse:collapse}.md-table td,.md-table th{border:1px solid #d0d7de;padding:3px 8px}
.src{display:flex;gap:8px}
.prompt{color:#6e7781;font-family:ui-monospace,monospace;font-size:.85em;min-width:52px;text-align:right;padding-top:8px}
.src pre{flex:1;margin:0;background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:8px 10px;overflow-x:auto}
.outputs{margin-left:60px}
.outputs pre{margin:4px 0;white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:.9em}
.out-stderr{color:#9a6700}
.out-error{color:#cf222e;background:#ffebe9;border-left:3px solid #cf222e;padding:4px 8px}
.out-html{margin:4px 0;overflow-x:auto}
blockquote{border-left:3px solid #d0d7de;margin:6px 0;padding:0 10px;color:#57606a}
@media (prefers-color-scheme: dark){body{background:#0d1117;color:#e6edf3}.src pre{background:#161b22;border-color:#30363d}.out-error{background:#3d1214}}
`;

/**
 * The export's Content-Security-Policy: no script of any kind (inline, event handlers, javascript: links), no
 * network, no frames, forms or <base>; inline styles and data: images only. It comes first in <head>, as a <meta>
 * element, which cannot carry `frame-ancestors` (browsers ignore it there and warn).
 */
export const EXPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; form-action 'none'; base-uri 'none'";

/**
 * A self-contained HTML page for a notebook (no scripts, no network). Only `code` cells show outputs (a cell of
 * any other type shows its source as text: its stored outputs were never run by the runner), every source and
 * text is escaped, links keep http(s), mailto and relative targets, and the page's CSP runs no script.
 */
export function notebookToHtml(nb: Notebook, title = 'notebook'): string {
  const body = (Array.isArray(nb.cells) ? nb.cells : [])
    .map((cell) => {
      if (cell === null || typeof cell !== 'object') return '';
      const src = String(sourceOf(cell));
      if (cell.cell_type === 'markdown') return `<div class="cell md">${renderMarkdown(src)}</div>`;
      if (cell.cell_type !== 'code') return `<div class="cell raw"><pre>${escapeHtml(src)}</pre></div>`;
      const n = Number.isSafeInteger(cell.execution_count) ? cell.execution_count : null;
      const outs = (Array.isArray(cell.outputs) ? cell.outputs : []).map(outputHtml).join('\n');
      return (
        `<div class="cell code"><div class="src"><div class="prompt">[${n ?? ' '}]:</div><pre><code>${escapeHtml(src)}</code></pre></div>` +
        (outs ? `<div class="outputs">${outs}</div>` : '') +
        '</div>'
      );
    })
    .join('\n');
  return (
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head>\n<body>\n${body}\n</body></html>\n`
  );
}
