import t from 'tap';
import { readFileSync } from 'node:fs';
import { caseTotal, README, readmeDrift } from '../../scripts/readme-figures.ts';

const readme = readFileSync(README, 'utf8');

t.test('the README figures agree with the suite and with the measured package table', async (t) => {
  t.same(readmeDrift(readme), [], 'fix with: node --import tsx scripts/readme-figures.ts --write');
});

t.test('drift is caught: a case added, a quick-start figure left behind', async (t) => {
  t.match(readmeDrift(readme, caseTotal() + 1), [{ figure: 'failure example: cases' }, { figure: 'package table: cases of the installed run' }]);
  const stale = readme.replace(/installs \d+ packages/, 'installs 91 packages');
  t.match(readmeDrift(stale), [{ figure: 'quick start: packages', found: '91' }]);
  t.throws(() => readmeDrift(readme.replace(/FAILED {2}\d+ cases/, 'FAILED some cases')), /the failure example not found/, 'a figure reworded away is an error, not a pass');
});
