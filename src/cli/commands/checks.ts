import type { CommandModule } from 'yargs';
import { CHECKS, CHECK_NAMES } from '../../checks/catalogue.ts';

/** `checks`: the named checks, their kind and rule. */
export function checksCommand(setExitCode: (code: number) => void): CommandModule {
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
