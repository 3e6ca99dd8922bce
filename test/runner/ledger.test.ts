import t from 'tap';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ledger, readLedgers } from '../../src/runner/ledger.ts';

const U = '123e4567-e89b-12d3-a456-426614174000';
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

t.test('the ledger file is written before the request and after each step', async (t) => {
  const dir = join(t.testdir(), 'ledger');
  const ledger = new Ledger('sct-run-1', dir);
  t.equal(ledger.file, join(dir, 'sct-run-1.jsonl'));
  const key = ledger.intent('sct-run-1-app-1', 'sct-run-1-s1');
  t.ok(existsSync(ledger.file!), 'intent is on disk before any request would go out');
  t.match(lines(ledger.file!), [{ event: 'intent', key, name: 'sct-run-1-app-1', subdomain: 'sct-run-1-s1', runId: 'sct-run-1', at: String }]);
  t.same(ledger.outstanding().map((e) => e.key), [key], 'an intent alone is outstanding');

  ledger.created(key, U);
  ledger.leased(key, ['l1', 'l2']);
  ledger.leased(key, []);
  ledger.unleased(key, ['l1']);
  t.same(lines(ledger.file!).map((l) => l.event), ['intent', 'created', 'leased', 'unleased'], 'empty lease lists write nothing');
  t.equal(ledger.keyOf(U), key);
  t.equal(ledger.keyOf('other'), undefined);
  t.match(ledger.outstanding(), [{ key, uuid: U, leases: ['l2'], removed: false }]);

  ledger.removed(key);
  t.same(ledger.outstanding(), []);
  t.equal(ledger.all().length, 1);
  t.equal(lines(ledger.file!).at(-1).event, 'removed');
});

t.test('a ledger without a directory keeps state in memory only', async (t) => {
  const ledger = new Ledger('sct-mem');
  t.equal(ledger.file, undefined);
  const a = ledger.intent('a');
  const b = ledger.intent('b');
  t.not(a, b);
  ledger.created(b, U);
  ledger.removed(a);
  t.match(ledger.outstanding(), [{ key: b, uuid: U }]);
});

t.test('readLedgers: what earlier runs left, tolerating a torn last line', async (t) => {
  const dir = t.testdir();
  const one = new Ledger('sct-run-1', dir);
  const k1 = one.intent('app-1');
  one.created(k1, U);
  one.leased(k1, ['l1']);
  const k2 = one.intent('app-2');
  one.removed(k2);
  const two = new Ledger('sct-run-2', dir);
  two.intent('app-3');
  appendFileSync(one.file!, '{"event":"removed","key":"app-1","at":"20'); // crash mid-write
  writeFileSync(join(dir, 'notes.txt'), 'not a ledger');

  const all = readLedgers(dir);
  t.equal(all.length, 3);
  const r1 = readLedgers(dir, 'sct-run-1');
  t.match(r1, [
    { key: k1, runId: 'sct-run-1', name: 'app-1', uuid: U, leases: ['l1'], removed: false },
    { key: k2, name: 'app-2', removed: true },
  ], 'the entries before the torn line still count; the torn removal does not');
  t.match(readLedgers(dir, 'sct-run-2'), [{ runId: 'sct-run-2', name: 'app-3', removed: false }]);
  t.same(readLedgers(dir, 'sct-run-9'), []);
  t.same(readLedgers(join(dir, 'absent')), [], 'no directory: nothing');
});

t.test('readLedgers: a torn line in the middle and blank lines are skipped', async (t) => {
  const dir = t.testdir({
    'sct-x.jsonl': [
      JSON.stringify({ event: 'intent', key: 'app-1', name: 'n1' }),
      '',
      '{"event":"created","key":"app-1","uu',
      JSON.stringify({ event: 'intent', key: 'app-2', name: 'n2' }),
      JSON.stringify({ event: 'created', key: 'app-2', uuid: U }),
      JSON.stringify({ event: 'created', key: 'app-9', uuid: U }),
    ].join('\n'),
  });
  t.match(readLedgers(dir), [{ key: 'app-1', name: 'n1', uuid: undefined }, { key: 'app-2', uuid: U }]);
  t.equal(readLedgers(dir).length, 2, 'an event for an unknown key is ignored');
});

t.test('no empty ledger folder: made with the first entry, removed with the last clean ledger', async (t) => {
  const out = t.testdir();
  const dir = join(out, 'ledger');
  const idle = new Ledger('sct-idle', dir);
  t.notOk(existsSync(dir), 'a run that records nothing makes no folder');
  t.ok(idle.discardIfClean());
  t.notOk(existsSync(dir));

  const kept = new Ledger('sct-kept', dir);
  kept.intent('left-behind');
  const clean = new Ledger('sct-clean', dir);
  clean.removed(clean.intent('gone'));
  t.ok(clean.discardIfClean());
  t.ok(existsSync(kept.file!), "another run's ledger keeps the folder");
  t.notOk(kept.discardIfClean(), 'a ledger with work left stays');

  const alone = new Ledger('sct-alone', join(out, 'other'));
  alone.removed(alone.intent('gone'));
  t.ok(alone.discardIfClean());
  t.notOk(existsSync(join(out, 'other')), 'the last clean ledger takes its folder along');
});

t.test('the file stays open between events; closed, a later event opens it again and appends', async (t) => {
  const ledger = new Ledger('sct-run-fd', t.testdir());
  const key = ledger.intent('app-1');
  ledger.close();
  ledger.close();
  ledger.created(key, U);
  t.same(lines(ledger.file!).map((l) => l.event), ['intent', 'created']);
  ledger.removed(key);
  t.ok(ledger.discardIfClean());
  t.notOk(existsSync(ledger.file!), 'discarded once clean');
});
