/** Chart payloads (src/display/charts.ts): argument errors. */
import { strict as assert } from 'node:assert';
import { mmsHistogram } from '../../src/display';
import { InvalidInputError } from '../../src/core/errors';

describe('display: charts', () => {
  it('mmsHistogram of something that is not an outcome is a typed bad-argument error', () => {
    for (const bad of [null, 3, {}, { instance: undefined }]) {
      assert.throws(
        () => mmsHistogram(bad as never),
        (e: unknown) => e instanceof InvalidInputError && e.code === 'bad-argument',
        String(bad),
      );
    }
  });
});
