import { strict as assert } from 'node:assert';
import { roundRobinOwners } from '../../src/experiments/float-round-robin';

describe('round robin on doubles', () => {
  it('lets agents pick their best remaining item in turn, agent 0 first', () => {
    const U = [Float64Array.from([0.9, 0.8, 0.1, 0.2]), Float64Array.from([0.95, 0.1, 0.7, 0.3])];
    assert.deepEqual([...roundRobinOwners(U)], [0, 0, 1, 1]);
  });

  it('breaks equal values toward the lower item index', () => {
    const U = [Float64Array.from([0.5, 0.5]), Float64Array.from([0.5, 0.5])];
    assert.deepEqual([...roundRobinOwners(U)], [0, 1]);
  });

  it('gives A the top item and one median item of Appendix B in order A, B; B takes the lower-index median (spec 5.10)', () => {
    const U = [Float64Array.from([0.26, 0.26, 0.98]), Float64Array.from([0.74, 0.74, 0.999])];
    assert.deepEqual([...roundRobinOwners(U)], [1, 0, 0]);
  });
});
