/**
 * Compiled cells by source: running a cell again (or the same source in another cell) reuses its compilation instead
 * of transpiling it again. A compiled cell is immutable text plus a position map, so one compilation serves every
 * execution. Bounded, least recently used out first; a cell that does not compile is not kept (its error is rebuilt).
 */
import type { CellLanguage } from './protocol';
import { compileCell, type CompiledCell } from './transform';

/** Distinct cell sources kept by default. */
const CAPACITY = 256;

export class CompiledCellCache {
  private readonly entries = new Map<string, CompiledCell>();

  constructor(private readonly capacity = CAPACITY) {}

  /** The compiled cell for `source` (compiled now unless kept); throws what `compileCell` throws. */
  compile(source: string, language: CellLanguage = 'typescript'): CompiledCell {
    const key = `${language}\n${source}`;
    const kept = this.entries.get(key);
    if (kept) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    const compiled = compileCell(source, language);
    this.entries.set(key, compiled);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return compiled;
  }

  /** Cells kept. */
  get size(): number {
    return this.entries.size;
  }
}
