/** The README's notebook table lists exactly the bundled notebooks, and "Your turn" where it says so. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const DIR = path.join(ROOT, 'notebooks');
const bundled = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.ipynb'))
  .map((f) => f.replace(/\.ipynb$/, ''))
  .sort();

describe('README notebooks', () => {
  it('lists every notebook of notebooks/ once, and no other', () => {
    const start = README.indexOf('\n## Notebooks\n');
    assert.ok(start >= 0, 'README has no "## Notebooks" section');
    const text = README.slice(start, README.indexOf('\n## ', start + 5));
    const listed = [...text.matchAll(/^\| `([0-9]{2}-[a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual([...listed].sort(), bundled);
    assert.equal(new Set(listed).size, listed.length);
  });

  it('every notebook but 30, 31 and 50 ends with a "Your turn" section', () => {
    const withTurn = bundled.filter((f) => /"#+ Your turn/.test(fs.readFileSync(path.join(DIR, `${f}.ipynb`), 'utf8')));
    assert.deepEqual(
      bundled.filter((f) => !withTurn.includes(f)),
      ['30-bobw-three-agents', '31-bobw-two-agents', '50-multipliers'],
    );
  });
});
