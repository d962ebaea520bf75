/** Continuous parametric distributions: Beta against the incomplete beta function (seed-001 §6.2). */
import { Beta, incompleteBeta, integrate } from '../../src/stochastic';
import { close } from '../helpers/approx';

describe('stochastic continuous distributions', () => {
  it('Beta(2, 3) agrees with the incomplete beta function, its mean and Top by density', () => {
    const B = new Beta(2, 3);
    close(incompleteBeta(0.5, 2, 3), 0.6875, 1e-14, 'I_{1/2}(2,3)');
    close(B.quantile(0.6875), 0.5, 1e-12, 'Q');
    close(B.top(0), 0.4, 1e-14, 'mu');
    close(integrate((x) => x * B.density(x), B.quantile(0.3), 1).value, B.top(0.3), 1e-10, 'Top by density');
  });
});
