var __rewriteRelativeImportExtension = (this && this.__rewriteRelativeImportExtension) || function (path, preserveJsx) {
    if (typeof path === "string" && /^\.\.?\//.test(path)) {
        return path.replace(/\.(tsx)$|((?:\.d)?)((?:\.[^./]+?)?)\.([cm]?)ts$/i, function (m, tsx, d, ext, cm) {
            return tsx ? preserveJsx ? ".jsx" : ".js" : d && (!ext || !cm) ? m : (d + ext + "." + cm.toLowerCase() + "js");
        });
    }
    return path;
};
/**
 * Call-flow XML checking for the call route. Uses the project's validateCallFlow
 * (src/callflow/validate.ts, XSD-based) when present; otherwise a built-in
 * fallback (well-formedness plus the known verbs of opentact-notes.md).
 */
import { XMLValidator, XMLParser } from 'fast-xml-parser';
import { normativeDefects } from "../callflow/tiers.js";
const PROJECT_VALIDATOR = '../callflow/validate.ts';
let loaded;
function projectValidator() {
    loaded ??= import(__rewriteRelativeImportExtension(PROJECT_VALIDATOR))
        .then((m) => m.validateCallFlow ?? fallbackValidate)
        .catch(() => fallbackValidate);
    return loaded;
}
export function wellFormed(xml) {
    if (xml.trim() === '')
        return { ok: false, kind: 'not-well-formed', errors: ['empty document'] };
    const r = XMLValidator.validate(xml);
    if (r === true)
        return { ok: true };
    return { ok: false, kind: 'not-well-formed', errors: [`${r.err.msg} (line ${r.err.line})`] };
}
const VERBS = new Set([
    'Answer', 'Dial', 'Gather', 'Hangup', 'Pause', 'Play', 'Reject', 'Redirect', 'Record', 'Say', 'Callback',
    'Switch', 'Case', 'Default', 'Error', 'To', 'Sip', 'Number',
]);
async function fallbackValidate(xml) {
    const wf = wellFormed(xml);
    if (!wf.ok)
        return wf;
    const doc = new XMLParser({ ignoreAttributes: true, preserveOrder: true }).parse(xml);
    const roots = doc.filter((n) => !('?xml' in n) && !('#text' in n));
    if (roots.length !== 1 || !('Response' in roots[0]))
        return { ok: false, kind: 'schema', errors: ['root element must be <Response>'] };
    const errors = [];
    const walk = (nodes) => {
        if (!Array.isArray(nodes))
            return;
        for (const n of nodes) {
            for (const [k, v] of Object.entries(n)) {
                if (k === '#text' || k === ':@')
                    continue;
                if (!VERBS.has(k))
                    errors.push(`unknown element <${k}>`);
                walk(v);
            }
        }
    };
    walk(roots[0].Response);
    return errors.length ? { ok: false, kind: 'schema', errors } : { ok: true };
}
/** Judge a call-flow document the way the server's (possibly faulty) behaviour says. */
export async function judgeCallFlow(xml, mode) {
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
            if (verdict.ok || verdict.kind === 'not-well-formed')
                return verdict;
            const defects = normativeDefects(xml);
            return defects.length ? { ok: false, kind: 'schema', errors: defects } : { ok: true };
        }
    }
}
//# sourceMappingURL=callflow.js.map