import t from 'tap';
import { readFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string }; dev?: boolean }>;
};
const ownEngine = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { engines: { node: string } }).engines.node;

/** Only a lower bound is ever declared in this tree (`>=22`, `>= 22.0.0`, `^22`); a range with `||` admits older Nodes. */
const minimumMajor = (range: string): number | undefined => (/\|\|/.test(range) ? undefined : Number(/^\s*(?:>=|\^)\s*v?(\d+)/.exec(range)?.[1]) || undefined);

t.test('npm ci on Node 20 warns about exactly the packages the README names', async (t) => {
  t.equal(ownEngine, '>=20.19', 'the Node the project supports');
  const newer = Object.entries(lock.packages)
    .filter(([, p]) => (minimumMajor(p.engines?.node ?? '') ?? 0) > 20)
    .map(([path, p]) => ({ name: path.replace(/^.*node_modules\//, ''), dev: Boolean(p.dev) }));
  t.same(newer, [{ name: '@pact-foundation/pact', dev: true }, { name: '@pact-foundation/pact-core', dev: true }], 'dev dependencies only, the two the README explains');
  t.equal(minimumMajor('>=22'), 22);
  t.equal(minimumMajor('^18 || >=20'), undefined);
});
