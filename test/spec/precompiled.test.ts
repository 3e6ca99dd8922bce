import t from 'tap';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPERATION_IDS, type OperationId } from '../../src/spec/operations.ts';
import { fillPlaceholderUuids, readStoredExample } from '../../src/spec/page-examples.ts';
import {
  documentedStatuses,
  precompiledStampPath,
  precompiledValidatorsSource,
  resetValidators,
  validateRequestBody,
  validateResponse,
  validateSchema,
  validatorOrigin,
  VALIDATOR_FORMAT,
  currentValidatorStamp,
  precompiledIsCurrent,
  writePrecompiledValidators,
  type ValidatorStamp,
} from '../../src/spec/validators.ts';

/**
 * Issue 11: the build writes the validators as ajv standalone code
 * (dist/generated/validators-{default,strict}.cjs, stamped with the spec's
 * sha256). A run loads them when the stamp matches the spec, else compiles.
 * Proven here: the precompiled set gives exactly the verdicts of the compiled
 * one (every stored example and many broken bodies, default and --strict), and
 * a stale, missing or foreign stamp falls back to compiling.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

t.teardown(() => resetValidators());

/**
 * This checkout's dist/generated validators, as the build writes them (same function). Written here
 * only when missing or made by other code or from another spec (a clone not built since), so the
 * comparison below always compares something. The build's id stays: the bundle made with it keeps
 * using the same (identical) files.
 */
function ensurePrecompiled(): void {
  if (precompiledIsCurrent()) return;
  const stamp = existsSync(precompiledStampPath()) ? (JSON.parse(readFileSync(precompiledStampPath(), 'utf8')) as Partial<ValidatorStamp>) : {};
  writePrecompiledValidators(stamp.buildId);
}

interface Example { kind: 'response' | 'request'; operationId: OperationId; status?: number; file: string }
const EXAMPLES = readStoredExample('index.json') as Example[];

/** Bodies that break a valid one in the ways servers do: wrong types, missing and extra fields, bad strings. */
function brokenVariants(body: unknown): unknown[] {
  const out: unknown[] = [null, [], 'text', 0, {}];
  const at = (value: unknown, path: (string | number)[], replace: (old: unknown) => unknown | typeof REMOVE): unknown => {
    if (path.length === 0) return replace(value);
    const [head, ...rest] = path;
    if (Array.isArray(value)) return value.flatMap((v, i) => { if (i !== head) return [v]; const r = at(v, rest, replace); return r === REMOVE ? [] : [r]; });
    const copy = { ...(value as Record<string, unknown>) };
    const r = at(copy[head as string], rest, replace);
    if (r === REMOVE) delete copy[head as string];
    else copy[head as string] = r;
    return copy;
  };
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) {
      out.push(at(body, path, () => ({})), at(body, path, () => [...value, 'stray']));
      value.forEach((v, i) => walk(v, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      out.push(at(body, path, () => []), at(body, path, (o) => ({ ...(o as object), unexpected_field: 1 })));
      for (const [k, v] of Object.entries(value)) {
        out.push(at(body, [...path, k], () => REMOVE));
        walk(v, [...path, k]);
      }
    } else if (typeof value === 'string') {
      out.push(...[42, '', '2019-08-24 14:15:22', value.toUpperCase(), 'x'.repeat(300)].map((w) => at(body, path, () => w)));
    } else if (typeof value === 'number') {
      out.push(...['1', -1, 1.5, null].map((w) => at(body, path, () => w)));
    } else if (typeof value === 'boolean') {
      out.push(...['true', 1, null].map((w) => at(body, path, () => w)));
    } else {
      out.push(...['null', 0, {}].map((w) => at(body, path, () => w)));
    }
  };
  walk(body, []);
  return out;
}
const REMOVE = Symbol('remove');

/** Every verdict the validators give on the examples and their broken variants, in a fixed order. */
function verdicts(strict: boolean): Array<{ what: string; verdict: unknown }> {
  const all: Array<{ what: string; verdict: unknown }> = [];
  for (const ex of EXAMPLES) {
    const raw = readStoredExample(ex.file);
    const bodies = [raw, fillPlaceholderUuids(raw), ...brokenVariants(fillPlaceholderUuids(raw))];
    bodies.forEach((body, i) => {
      const what = `${ex.file} #${i}`;
      if (ex.kind === 'response') {
        all.push({ what, verdict: validateResponse(ex.operationId, ex.status!, body, strict) });
        // The same body under an undocumented error status (judged against ErrorEnvelope) and a success status.
        all.push({ what: `${what} as 500`, verdict: validateResponse(ex.operationId, 500, body, strict) });
      } else {
        all.push({ what, verdict: validateRequestBody(ex.operationId, body) });
      }
    });
  }
  for (const id of OPERATION_IDS) all.push({ what: `${id} statuses`, verdict: documentedStatuses(id) });
  for (const name of ['SIPControlApp', 'TNLease', 'ErrorEnvelope']) {
    for (const body of [{}, null, { uuid: 'x' }, { success: false, error: 'x' }]) all.push({ what: `${name} ${JSON.stringify(body)}`, verdict: validateSchema(name, body) });
  }
  return all;
}

t.test('the precompiled validators give exactly the compiled verdicts, default and --strict', async (t) => {
  ensurePrecompiled();
  for (const strict of [false, true]) {
    resetValidators({ compile: true });
    const compiled = verdicts(strict);
    t.equal(validatorOrigin(strict), 'compiled', `compile: true compiles (strict ${strict})`);
    resetValidators();
    const precompiled = verdicts(strict);
    t.equal(validatorOrigin(strict), 'precompiled', `dist/generated matches the spec: loaded (strict ${strict})`);
    t.equal(precompiled.length, compiled.length);
    const differ = compiled.filter((c, i) => JSON.stringify(c.verdict) !== JSON.stringify(precompiled[i]!.verdict));
    t.same(differ.slice(0, 5).map((d) => d.what), [], `strict ${strict}: no verdict differs (${differ.length} of ${compiled.length} do)`);
    // Not a vacuous comparison: most broken bodies fail, with errors to compare.
    const failing = compiled.filter((c) => { const v = c.verdict as { errors?: unknown[] } | unknown[]; return Array.isArray(v) ? v.length > 0 : (v.errors?.length ?? 0) > 0; });
    t.ok(failing.length > compiled.length / 2, `strict ${strict}: ${failing.length} of ${compiled.length} verdicts carry errors`);
    t.comment(`strict ${strict}: ${compiled.length} verdicts compared, ${failing.length} with errors`);
  }
  // The two variants differ somewhere (x-strict pins readings), so --strict really loads its own set.
  resetValidators();
  const lax = verdicts(false);
  const pinned = verdicts(true);
  t.ok(lax.some((v, i) => JSON.stringify(v.verdict) !== JSON.stringify(pinned[i]!.verdict)), 'default and --strict verdicts differ on some body');
});

/**
 * A package root of its own in a temporary folder (package.json, the spec, the sources, node_modules
 * linked, dist/generated written by the build's function) where the stamp can be made stale without
 * touching this checkout; a child process reports which validators it got there.
 */
t.test('a stale, foreign or missing stamp falls back to compiling', async (t) => {
  const base = mkdtempSync(join(tmpdir(), 'sipapp-precompiled-'));
  t.teardown(() => rmSync(base, { recursive: true, force: true }));
  const packageRoot = (name: string) => {
    const dir = join(base, name);
    mkdirSync(join(dir, 'spec'), { recursive: true });
    mkdirSync(join(dir, 'dist', 'generated'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    cpSync(join(ROOT, 'spec', 'openapi.yaml'), join(dir, 'spec', 'openapi.yaml'));
    cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    for (const strict of [false, true]) writeFileSync(join(dir, 'dist', 'generated', `validators-${strict ? 'strict' : 'default'}.cjs`), precompiledValidatorsSource(strict));
    writeFileSync(join(dir, 'dist', 'generated', 'validators.json'), JSON.stringify(currentValidatorStamp()));
    return dir;
  };
  /** validatorOrigin (default, strict) in that root, and one verdict that must hold either way. */
  const probe = (dir: string) => {
    const script = `
      const v = await import(${JSON.stringify(join(dir, 'src', 'spec', 'validators.ts'))});
      const missingName = v.validateRequestBody('CreateSIPControlApp', {}).map((e) => e.pointer + ' ' + e.keyword);
      console.log(JSON.stringify({ origin: [v.validatorOrigin(false), v.validatorOrigin(true)], missingName }));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) return { error: r.stderr };
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as { origin: string[]; missingName: string[] };
  };
  const expected = (origin: string) => ({ origin: [origin, origin], missingName: ['/name required'] });

  t.same(probe(packageRoot('fresh')), expected('precompiled'), 'stamp matches the spec: precompiled');

  const edited = packageRoot('spec-edited');
  writeFileSync(join(edited, 'spec', 'openapi.yaml'), readFileSync(join(edited, 'spec', 'openapi.yaml'), 'utf8') + '\n# edited after the build\n');
  t.same(probe(edited), expected('compiled'), 'spec edited since the build: compiled');

  const format = packageRoot('other-format');
  writeFileSync(join(format, 'dist', 'generated', 'validators.json'), JSON.stringify({ ...currentValidatorStamp(), format: VALIDATOR_FORMAT + 1 }));
  t.same(probe(format), expected('compiled'), 'written by another validator format: compiled');

  const compiler = packageRoot('compiler-edited');
  writeFileSync(join(compiler, 'src', 'spec', 'validators.ts'), readFileSync(join(compiler, 'src', 'spec', 'validators.ts'), 'utf8') + '\n// edited after the build\n');
  t.same(probe(compiler), expected('compiled'), 'the compiling code edited since the build: compiled');

  const noStamp = packageRoot('no-stamp');
  rmSync(join(noStamp, 'dist', 'generated', 'validators.json'));
  t.same(probe(noStamp), expected('compiled'), 'no stamp: compiled');

  const broken = packageRoot('broken-code');
  writeFileSync(join(broken, 'dist', 'generated', 'validators-default.cjs'), 'throw new Error("truncated")');
  writeFileSync(join(broken, 'dist', 'generated', 'validators-strict.cjs'), 'module.exports = {');
  t.same(probe(broken), expected('compiled'), 'stamp matches but the code does not load: compiled');
});
