import { CHECKS, CHECK_NAMES } from "../../checks/catalogue.js";
/** `checks`: the named checks, their kind and rule. */
export function checksCommand(setExitCode) {
    return {
        command: 'checks',
        describe: 'List every named check: normative or advisory, the rule it enforces',
        handler: () => {
            const width = Math.max(...CHECK_NAMES.map((n) => n.length));
            for (const name of CHECK_NAMES) {
                const c = CHECKS[name];
                process.stdout.write(`${name.padEnd(width)}  ${c.normative ? 'normative' : 'advisory '}  ${c.summary}  [${c.rule}]\n`);
            }
            setExitCode(0);
        },
    };
}
//# sourceMappingURL=checks.js.map