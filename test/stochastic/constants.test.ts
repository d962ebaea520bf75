/**
 * The constants of paper 001 (Halpern, Psomas & Zhang) and the Hill–Kertz prophet table, at the spec's
 * tolerances (seed-001 §5.1, T1–T3).
 */
import { strict as assert } from 'node:assert';
import { C2, hillKertz, integrate, kertzBeta, kertzGamma, Q_STAR, R0 } from '../../src/stochastic';
import { close } from '../helpers/approx';

describe('stochastic constants', () => {
  it('(2+√2)/4, r0, 1 - r0 and q* match to machine precision and satisfy Eq. (2) (T1)', () => {
    close(C2, 0.8535533905932737, 1e-15, 'c2');
    close(R0, 0.2928932188134524, 1e-15, 'r0');
    close(1 - R0, 0.7071067811865476, 1e-15, '1-r0');
    close(Q_STAR, 0.5857864376269049, 1e-15, 'q*');
    close(Math.SQRT2 / (4 * Math.SQRT2 - 4), C2, 1e-15, 'Eq. (2)');
  });
  it('Kertz gamma* and beta solve the corrected equation (T2, P12)', () => {
    close(kertzGamma(), 1.3414889923701554, 1e-10, 'gamma*');
    close(kertzBeta(), 0.7454403321142357, 1e-10, 'beta');
    const I = integrate((y) => 1 / ((y > 0 ? y * (1 - Math.log(y)) : 0) + kertzGamma() - 1), 0, 1);
    close(I.value, 1, 1e-10, 'integral');
  });
  it('the Hill–Kertz x_1, a_n and 1/a_n match the table and 1/a_n decreases to beta (T3)', () => {
    const table: [number, number, number, number][] = [
      [1, 1, 1, 1],
      [2, 0.414213562373, 1.1715728753, 0.8535533906],
      [3, 0.769981777692, 1.2213841861, 0.8187432025],
      [4, 0.882789409639, 1.248108322, 0.8012125089],
      [5, 0.929675555947, 1.2649565963, 0.7905409584],
      [6, 0.95328075295, 1.276592953, 0.7833350464],
      [8, 0.97515804164, 1.2916605143, 0.774197236],
      [10, 0.984632777069, 1.3010146653, 0.7686308438],
      [20, 0.996411280041, 1.3205507086, 0.7572598262],
      [50, 0.999448725015, 1.3329075104, 0.7502396019],
      [100, 0.999864031686, 1.3371573789, 0.747855126],
      [1000, 0.999998656706, 1.3410513865, 0.7456835809],
      [10000, 0.999999986583, 1.3414451692, 0.7454646846],
    ];
    let prev = Infinity;
    for (const [n, x1, a, inv] of table) {
      const h = hillKertz(n);
      close(h.x1, x1, 1e-11, `x1 n=${n}`);
      close(h.aN, a, n >= 1000 ? 5e-9 : 1e-9, `a_n n=${n}`);
      close(h.prophetRatio, inv, n >= 1000 ? 5e-9 : 1e-9, `1/a_n n=${n}`);
      assert.ok(
        h.prophetRatio >= kertzBeta() - 1e-12 && h.prophetRatio <= prev + 1e-15,
        `1/a_n decreasing to beta at n=${n}`,
      );
      prev = h.prophetRatio;
    }
    close(hillKertz(2).prophetRatio, C2, 1e-14, '1/a_2 = (2+√2)/4');
  });
});
