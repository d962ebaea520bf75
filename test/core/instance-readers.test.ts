import { strict as assert } from 'node:assert';
import { instance, instanceFromText } from '../../src/core/instance-readers';
import { ParseError } from '../../src/core/parse-error';

describe('instance readers', () => {
  it('instance.fromCSV and instance.fromPrefLib read the text formats; instance(x) still takes values', () => {
    assert.deepEqual(instance.fromCSV('agent,x,y\nal,1,2\nbo,2,1\n').agents, ['al', 'bo']);
    assert.equal(instance.fromPrefLib('# NUMBER ALTERNATIVES: 2\n3: 2,1\n', { type: 'soc' }).n, 3);
    assert.equal(instance([[1, 2]]).m, 2);
  });

  it('instanceFromText picks the reader by extension and reports JSON syntax errors with line and column', () => {
    assert.deepEqual(instanceFromText('agent,x\nal,1\n', 'a.CSV').goods, ['x']);
    assert.equal(instanceFromText('# NUMBER ALTERNATIVES: 2\n1: 2,1\n', 'p.soi').n, 1);
    assert.equal(instanceFromText('{"values": [[1, 2]]}', 'i.json').m, 2);
    try {
      instanceFromText('{\n  "values": [[1, 2]] x\n}', 'i.json');
      assert.fail('expected a ParseError');
    } catch (e) {
      assert.ok(e instanceof ParseError);
      assert.equal(e.line, 2);
      assert.match(e.message, /^i\.json:2:22: not valid JSON/);
    }
  });
});
