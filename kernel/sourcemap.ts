/** A minimal source map v3 reader: generated (line, column) -> original (line, column), all 0-based. */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map<string, number>([...B64].map((c, i) => [c, i]));

/** One segment: [generatedColumn, originalLine, originalColumn]. */
type Segment = [number, number, number];

export class SourceMapLookup {
  private readonly lines: Segment[][];

  constructor(mappings: string) {
    this.lines = [];
    let srcLine = 0;
    let srcCol = 0;
    let srcIdx = 0;
    let nameIdx = 0;
    for (const lineText of mappings.split(';')) {
      const segs: Segment[] = [];
      let genCol = 0;
      if (lineText) {
        for (const segText of lineText.split(',')) {
          if (!segText) continue;
          const v = decodeVlq(segText);
          genCol += v[0];
          if (v.length >= 4) {
            srcIdx += v[1];
            srcLine += v[2];
            srcCol += v[3];
            if (v.length >= 5) nameIdx += v[4];
            segs.push([genCol, srcLine, srcCol]);
          }
        }
      }
      this.lines.push(segs);
    }
    void srcIdx;
    void nameIdx;
  }

  static fromJson(text: string | undefined): SourceMapLookup | null {
    if (!text) return null;
    try {
      const j = JSON.parse(text) as { mappings?: string };
      return typeof j.mappings === 'string' ? new SourceMapLookup(j.mappings) : null;
    } catch {
      return null;
    }
  }

  /** The original position of a generated one (0-based), or null when the line has no mapping. */
  lookup(line: number, column: number): { line: number; column: number } | null {
    const segs = this.lines[line];
    if (!segs || segs.length === 0) return null;
    let best = segs[0];
    for (const s of segs) {
      if (s[0] <= column) best = s;
      else break;
    }
    // Inside a segment, keep the offset when it is small (same token run), else the segment start.
    const delta = column - best[0];
    return { line: best[1], column: best[2] + (delta > 0 && delta < 200 ? delta : 0) };
  }
}

function decodeVlq(s: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of s) {
    const digit = B64_INDEX.get(ch);
    if (digit === undefined) throw new Error(`bad VLQ digit ${ch}`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      const negative = value & 1;
      value >>>= 1;
      out.push(negative ? -value : value);
      value = 0;
      shift = 0;
    }
  }
  return out;
}
