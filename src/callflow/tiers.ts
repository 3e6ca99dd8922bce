/**
 * The two tiers of a broken call-flow document (ERRATA E69), like TwiML's 12100 and 12200:
 *
 *   - normative: what the page's "this must be correct or it will return an error" and the
 *     notes pin down — the text is XML (not empty, well-formed), its root is `Response`, and it
 *     names only elements the notes know. Accepting a document that breaks one of these is a
 *     conformance failure (`callflow-rejected`).
 *   - schema: well-formed, rooted in `Response`, only known elements, but breaking a finer rule
 *     of spec/callflow/callflow.xsd (a required attribute, a value's type, nesting, an unknown
 *     attribute, text where none belongs). Those rules are this suite's reading (OpenTact
 *     publishes no schema), so accepting such a document is an advisory finding
 *     (`callflow-schema-enforced`), a failure only under --strict.
 *
 * Derived from the document itself, not from a list of fixtures, so a new fixture lands in
 * the right tier on its own.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The elements opentact-notes.md § "Call-flow XML" names: the root, the verbs, flow control and dial targets. */
export const KNOWN_CALLFLOW_ELEMENTS: ReadonlySet<string> = new Set([
  'Response',
  'Answer', 'Dial', 'Gather', 'Hangup', 'Pause', 'Play', 'Reject', 'Redirect', 'Record', 'Say', 'Callback',
  'Switch', 'Case', 'Default', 'Error',
  'To', 'Sip', 'Number',
]);

export type CallFlowTier = 'normative' | 'schema';

/**
 * What breaks the normative tier: empty or not well-formed, a root other than `Response`,
 * an element the notes do not know. Empty when the document passes that tier.
 */
export function normativeDefects(xml: string): string[] {
  if (xml.trim() === '') return ['empty document'];
  const wf = XMLValidator.validate(xml);
  if (wf !== true) return [`not well-formed: ${wf.err.msg} (line ${wf.err.line})`];
  const doc = new XMLParser({ ignoreAttributes: true, preserveOrder: true, processEntities: false }).parse(xml) as Array<Record<string, unknown>>;
  const roots = doc.filter((n) => !Object.keys(n).some((k) => k.startsWith('?') || k === '#text' || k === '#comment'));
  if (roots.length !== 1) return [`${roots.length} root elements`];
  const rootName = Object.keys(roots[0]).find((k) => k !== ':@')!;
  const defects: string[] = rootName === 'Response' ? [] : [`root element <${rootName}>, not <Response>`];
  const walk = (nodes: unknown): void => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes as Array<Record<string, unknown>>) {
      for (const [name, children] of Object.entries(node)) {
        if (name === '#text' || name === ':@' || name === '#comment') continue;
        if (!KNOWN_CALLFLOW_ELEMENTS.has(name)) defects.push(`unknown element <${name}>`);
        walk(children);
      }
    }
  };
  walk(roots[0][rootName]);
  return [...new Set(defects)];
}

/**
 * The tier of a document the XSD refuses: `kind` is validateCallFlow's verdict kind
 * (libxml2 may find a document not well-formed that fast-xml-parser lets through).
 */
export function tierOf(xml: string, kind: 'not-well-formed' | 'schema'): CallFlowTier {
  return kind === 'not-well-formed' || normativeDefects(xml).length > 0 ? 'normative' : 'schema';
}
