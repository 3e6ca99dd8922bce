/**
 * Call-flow XML checking for the call route: the project's validateCallFlow
 * (src/callflow/validate.ts, XSD-based), judged by the server's behaviour.
 */
import { XMLValidator } from 'fast-xml-parser';
import type { CallflowMode } from './behaviour.ts';
import { normativeDefects } from '../callflow/tiers.ts';

export type CallFlowVerdict = { ok: true } | { ok: false; kind: 'not-well-formed' | 'schema'; errors: string[] };
type Validate = (xml: string) => Promise<CallFlowVerdict>;

let loaded: Promise<Validate> | undefined;

/** The project's XSD validator, loaded on the first call-flow request (xmllint's wasm is heavy). */
function projectValidator(): Promise<Validate> {
  // A literal specifier, so both tsc (extension rewriting) and the bundler (a chunk of its own) follow it.
  loaded ??= import('../callflow/validate.ts').then((m) => m.validateCallFlow);
  return loaded;
}

export function wellFormed(xml: string): CallFlowVerdict {
  if (xml.trim() === '') return { ok: false, kind: 'not-well-formed', errors: ['empty document'] };
  const r = XMLValidator.validate(xml);
  if (r === true) return { ok: true };
  return { ok: false, kind: 'not-well-formed', errors: [`${r.err.msg} (line ${r.err.line})`] };
}

/** Judge a call-flow document the way the server's (possibly faulty) behaviour says. */
export async function judgeCallFlow(xml: string, mode: CallflowMode): Promise<CallFlowVerdict> {
  switch (mode) {
    case 'none':
      return { ok: true };
    case 'reject-all':
      return { ok: false, kind: 'schema', errors: ['call flow rejected'] };
    case 'well-formed-only':
      return wellFormed(xml);
    case 'full':
      return (await projectValidator())(xml);
    case 'normative-only': {
      // A server with a lenient parser: XML libxml2 cannot parse is refused, and so are a foreign
      // root and unknown elements; a document that breaks only the XSD's finer rules runs.
      const verdict = await (await projectValidator())(xml);
      if (verdict.ok || verdict.kind === 'not-well-formed') return verdict;
      const defects = normativeDefects(xml);
      return defects.length ? { ok: false, kind: 'schema', errors: defects } : { ok: true };
    }
  }
}
