/** A typed error for text input (CSV, PrefLib): the file, line and column of the first problem. */
import { InvalidInputError } from './errors';

/**
 * Bad text input at a position. `line` and `column` are 1-based (the column counts characters, as editors do);
 * the message starts with `source:line:column:` so a terminal or an editor can jump to it.
 */
export class ParseError extends InvalidInputError {
  constructor(
    code: string,
    readonly source: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(code, `${source}:${line}:${column}: ${reason}`);
  }
}
