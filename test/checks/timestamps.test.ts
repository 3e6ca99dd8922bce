import t from 'tap';
import { instant, modifiedOnAdvances } from '../../src/checks/timestamps.ts';
import { failed } from './helpers.ts';

const at = (created: unknown, modified: unknown) => ({ created_on: created, modified_on: modified });

t.test('instant reads what E62 accepts, dates only excepted', async (t) => {
  t.equal(instant('2024-05-01T10:00:00Z'), Date.UTC(2024, 4, 1, 10));
  t.equal(instant('2024-05-01T10:00:00.000+00:00'), Date.UTC(2024, 4, 1, 10));
  t.type(instant('2024-05-01T10:00:00'), 'number', 'naive');
  t.type(instant('2024-05-01 10:00:00'), 'number', 'space separator');
  t.equal(instant('2024-05-01'), undefined, 'a date cannot show a change within a day');
  t.equal(instant('yesterday'), undefined);
  t.equal(instant(17), undefined);
});

t.test('modified-on-advances (E74)', async (t) => {
  const before = at('2024-05-01T10:00:00Z', '2024-05-01T10:00:00Z');
  t.ok(modifiedOnAdvances(before, at('2024-05-01T10:00:00Z', '2024-05-01T10:00:02Z'), 'get')!.pass);
  t.ok(modifiedOnAdvances(at('2024-05-01T10:00:00', '2024-05-01T10:00:00'), at('2024-05-01T10:00:00', '2024-05-01T10:00:01'), 'get')!.pass, 'naive timestamps compare alike');
  const kept = failed(modifiedOnAdvances(before, before, 'get after modify'));
  t.match(kept.message, /did not move forward/);
  t.equal(kept.actual, 'modified_on "2024-05-01T10:00:00Z"');
  const back = failed(modifiedOnAdvances(before, at('2024-05-01T10:00:05Z', '2024-05-01T10:00:03Z'), 'get'));
  t.match(back.message, /before created_on/);
  t.equal(modifiedOnAdvances(before, at('2024-05-01', '2024-05-02'), 'get'), null, 'dates only: not compared');
  t.equal(modifiedOnAdvances(undefined, before, 'get'), null);
});
