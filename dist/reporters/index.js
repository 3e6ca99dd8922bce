import { ConsoleReporter } from "./console.js";
import { JUnitReporter } from "./junit.js";
import { TapReporter } from "./tap.js";
import { JsonReporter } from "./json.js";
import { HtmlReporter } from "./html.js";
import { ReporterMultiplexer } from "./multiplexer.js";
import { REPORTER_NAMES, isReporterName } from "./names.js";
export { REPORTER_NAMES, isReporterName } from "./names.js";
export function createReporter(name, opts) {
    switch (name) {
        case 'console':
            return new ConsoleReporter(opts);
        case 'junit':
            return new JUnitReporter(opts);
        case 'tap':
            return new TapReporter(opts);
        case 'json':
            return new JsonReporter(opts);
        case 'html':
            return new HtmlReporter(opts);
        default: {
            const unknown = name;
            throw new Error(`unknown reporter "${String(unknown)}" (known: ${REPORTER_NAMES.join(', ')})`);
        }
    }
}
/** One multiplexer over the named reporters (duplicates ignored); unknown names throw before anything runs. */
export function createReporters(names, opts, onError) {
    const unknown = names.filter((n) => !isReporterName(n));
    if (unknown.length)
        throw new Error(`unknown reporter${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')} (known: ${REPORTER_NAMES.join(', ')})`);
    const unique = [...new Set(names)];
    return new ReporterMultiplexer(unique.map((n) => createReporter(n, opts)), onError);
}
export { ReporterMultiplexer, stderrReporterError } from "./multiplexer.js";
export { readResultsBundle, parseResultsBundle, RESULTS_FORMAT } from "./json.js";
//# sourceMappingURL=index.js.map