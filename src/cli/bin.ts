/**
 * The process entry point (bin/sipapp-conformance.js runs its compiled copy).
 * Order matters for start-up time and for Ctrl-C: the signal listeners come
 * first, then the answers that need no module at all (`--version`, and `--help`
 * from the build's prerendered screens), and only then the command line, which
 * loads each command's modules when it runs.
 */
import { installEarlySignalHandlers } from './signals.ts';
import { quietOnClosedPipes } from './closed-pipe.ts';

installEarlySignalHandlers();
// `… | head` closing stdout stops the printing, never the command (reports, cleanup, exit code).
quietOnClosedPipes();

const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') {
  const { packageInfo } = await import('../package-root.ts');
  process.stdout.write(`${packageInfo().version}\n`);
} else {
  // A help screen the build prerendered needs no yargs; anything else goes to the command line
  // (help-cache is a few lines, and main.ts imports it anyway).
  const { cachedHelp } = await import('./help-cache.ts');
  const text = cachedHelp(argv, process.env, process.stdout.columns);
  if (text !== undefined) process.stdout.write(text);
  else process.exitCode = await (await import('./main.ts')).main(argv);
}
