/** Number cells of the HTML (src/display/html/common.ts): exact when short, a short decimal beside a long rational. */
import { strict as assert } from 'node:assert';
import { num, shortDecimal, STYLE } from '../../src/display/html/common';

describe('display: number cells', () => {
  it('shows a short exact number as it is, with its decimal in the title', () => {
    assert.equal(num('5/2'), '<span class="fd-num" title="2.5">5/2</span>');
  });

  it('shows a long rational with a short decimal beside it, breakable after its slash', () => {
    assert.equal(
      num('38468101589/1000000000000'),
      '<span class="fd-num" title="0.0384681">38468101589/<wbr>1000000000000 <span class="fd-muted">≈ 0.0385</span></span>',
    );
  });

  it('shows only the short decimal for a very long rational, the exact value in the title', () => {
    const huge = `1${'0'.repeat(300)}/3${'0'.repeat(330)}`;
    assert.equal(num(huge), `<span class="fd-num" title="${huge}">≈ 3.33e-31</span>`);
  });

  it('shows a string that is not an exact number (a name, a double) as text, with no decimal beside it', () => {
    assert.equal(num('car, bike, piano, lamp'), '<span class="fd-num">car, bike, piano, lamp</span>');
    assert.equal(num('0.30000000000000004'), '<span class="fd-num">0.30000000000000004</span>');
  });

  it('rounds ratios of integers too long for a double from their leading digits', () => {
    assert.equal(shortDecimal(`${'6'.repeat(40)}/${'1'.repeat(41)}`), '0.6');
    assert.equal(shortDecimal(`-${'9'.repeat(30)}/7`), '-1.43e+29');
    assert.equal(shortDecimal('12'), '12');
  });
});

describe('display: the scoped stylesheet', () => {
  it("scopes every rule under .fairdiv[data-kind], so that it ties or beats the hosts' table rules", () => {
    const rules = STYLE.replace(/<\/?style>/g, '')
      .split('}')
      .map((r) => r.split('{')[0].trim())
      .filter(Boolean);
    assert.ok(rules.length > 40);
    for (const rule of rules)
      for (const selector of rule.split(','))
        assert.match(selector.trim(), /^\.fairdiv\[data-kind\]( |$)/, `unscoped selector: ${selector}`);
  });
});
