/**
 * Validation of OpenTact call-flow XML (the body of POST /rest/sip/app/call/{uuid},
 * ExecuteSIPControlAppCallExecuteCallFlow) against spec/callflow/callflow.xsd.
 *
 * Two kinds of failure, like TwiML's 12100 (document parse failure) and 12200
 * (schema validation failure):
 *   - 'not-well-formed': the text is not XML at all (empty, unclosed tag, stray &,
 *     undefined entity, two roots …). Checked first with fast-xml-parser's
 *     XMLValidator (in-process, microseconds); anything it lets through that
 *     libxml2's parser still rejects is also reported as 'not-well-formed'.
 *   - 'schema': well-formed XML that breaks the XSD (unknown verb, bad nesting,
 *     bad attribute value).
 *
 * Cost: see xmllint-runner.ts (one persistent worker, wasm compiled once,
 * concurrent calls batched into one xmllint run).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { packagePath } from '../package-root.ts';
import { XMLValidator } from 'fast-xml-parser';
import { XmllintRunner, type LintOutcome } from './xmllint-runner.ts';
import { tierOf, type CallFlowTier } from './tiers.ts';

export type CallFlowVerdict =
  | { ok: true }
  | { ok: false; kind: 'not-well-formed' | 'schema'; errors: string[] };

/** Absolute path of the call-flow XSD. */
export const CALLFLOW_XSD_PATH: string = packagePath('spec/callflow/callflow.xsd');

const FIXTURES_DIR = packagePath('spec/callflow/fixtures/');

/** The smallest useful call flow (opentact-notes.md, "Call-flow XML"). */
export const MINIMAL_CALLFLOW = '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>';

function loadFixtures(sub: 'valid' | 'invalid'): Array<[string, string]> {
  const dir = FIXTURES_DIR + sub;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => [f.slice(0, -'.xml'.length), readFileSync(`${dir}/${f}`, 'utf8')] as [string, string]);
}

/** Valid call flows, keyed by fixture name (spec/callflow/fixtures/valid/<name>.xml). */
export const SAMPLE_CALLFLOWS: Record<string, string> = Object.fromEntries(loadFixtures('valid'));

/**
 * Broken call flows, keyed by fixture name (spec/callflow/fixtures/invalid/<kind>-<what>.xml);
 * the kind is the file name's prefix; the tier (tiers.ts, E69) says whether refusing the
 * document is normative or only this suite's schema reading.
 */
export const BROKEN_CALLFLOWS: Record<string, { xml: string; kind: 'not-well-formed' | 'schema'; tier: CallFlowTier }> =
  Object.fromEntries(
    loadFixtures('invalid').map(([name, xml]) => {
      const kind = name.startsWith('not-well-formed-') ? 'not-well-formed' : name.startsWith('schema-') ? 'schema' : null;
      if (kind === null) {
        throw new Error(`call-flow fixture invalid/${name}.xml: name must start with "not-well-formed-" or "schema-"`);
      }
      return [name, { xml, kind, tier: tierOf(xml, kind) }];
    }),
  );

const runner = new XmllintRunner(CALLFLOW_XSD_PATH);

// ---------------------------------------------------------------------------
// Public entry point
// ---------------------------------------------------------------------------

export async function validateCallFlow(xml: string): Promise<CallFlowVerdict> {
  if (typeof xml !== 'string') throw new TypeError('validateCallFlow: xml must be a string');
  if (xml.trim() === '') {
    return { ok: false, kind: 'not-well-formed', errors: ['line 1: document is empty'] };
  }
  const wf = XMLValidator.validate(xml);
  if (wf !== true) {
    const { line, col, msg } = wf.err;
    return { ok: false, kind: 'not-well-formed', errors: [`line ${line}${col ? `, column ${col}` : ''}: ${msg}`] };
  }
  return interpret(await runner.lint(xml));
}

// ---------------------------------------------------------------------------
// xmllint output → verdict
// ---------------------------------------------------------------------------

/** xmllint's lines for one document → verdict. */
function interpret(out: LintOutcome): CallFlowVerdict {
  if (out.validates) return { ok: true };
  const wellFormedness = out.lines.filter((l) => /^(?:parser|namespace) error :/.test(l.text));
  if (wellFormedness.length > 0) {
    return {
      ok: false,
      kind: 'not-well-formed',
      errors: wellFormedness.map((l) => `line ${l.line}: ${l.text.replace(/^(?:parser|namespace) error : /, '')}`),
    };
  }
  const schema = out.lines
    .filter((l) => /Schemas validity error/.test(l.text))
    .map((l) => `line ${l.line}: ${l.text.replace(/^.*?Schemas validity error : /, '')}`);
  if (schema.length > 0) return { ok: false, kind: 'schema', errors: schema };
  // Neither a parser nor a schema message (should not happen): keep whatever xmllint said.
  const other = out.lines.map((l) => `line ${l.line}: ${l.text}`);
  return { ok: false, kind: 'schema', errors: other.length > 0 ? other : ['document fails to validate against the call-flow schema'] };
}
