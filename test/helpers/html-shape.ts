/** Reading the shape of fairdiv's HTML outputs in tests. */
import { strict as assert } from 'node:assert';

/** Counts of a regular expression in a string. */
export const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

/** The rows of the first <tbody> (rows with data-agent) and header goods of an HTML table. */
export function matrixShape(html: string): { rows: number; cols: number } {
  const table = /<table class="fd-matrix[^"]*">([\s\S]*?)<\/table>/.exec(html);
  assert.ok(table, 'no matrix table');
  return {
    rows: count(table[1], /<tr data-agent="/g),
    cols: count(/<thead>([\s\S]*?)<\/thead>/.exec(table[1])![1], /<th data-good="/g),
  };
}
