/**
 * Ctrl-C and SIGTERM, from the process's first milliseconds to its exit.
 *
 * The entry point installs the listeners before it loads anything else
 * (`installEarlySignalHandlers`), so a signal during start-up never kills the
 * process the default way. Until a command takes the signals over, nothing has
 * been created yet: a signal exits 130 at once. A command that creates things
 * (`run`) takes them over with `installSignalHandlers`: the first signal stops
 * starting cases and lets the run clean up and write its reports; a second
 * leaves at once.
 */

interface Session {
  count: number;
  finished: boolean;
  message: (signal: NodeJS.Signals) => string;
  /** What to do about what the second signal leaves behind (the cleanup command, or that nothing is left). */
  laterAdvice: string;
}

let installed = false;
/** The command that has taken the signals over; none during start-up. */
let session: Session | undefined;

function onSignal(signal: NodeJS.Signals): void {
  const s = session;
  if (!s) {
    process.stderr.write(`\nsipapp-conformance: ${signal}: stopped before anything was started\n`);
    process.exit(130);
  }
  // After the work (reports written, cleanup done) the process is only exiting: a late signal changes nothing.
  if (s.finished) return;
  s.count++;
  if (s.count === 1) {
    process.stderr.write(s.message(signal));
  } else {
    process.stderr.write(`sipapp-conformance: ${signal} again: aborting without cleanup; ${s.laterAdvice}\n`);
    process.exit(130);
  }
}

/** The entry point's first act: listen for SIGINT/SIGTERM (idempotent). */
export function installEarlySignalHandlers(): void {
  if (installed) return;
  installed = true;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

export interface SignalControl {
  /** True once the user asked to stop. */
  interrupted: () => boolean;
  /** The work is done: later signals change nothing. */
  dispose: () => void;
}

/**
 * A command takes the signals over: the first one only asks it to stop, the second one aborts
 * (saying `laterAdvice`: the post-interrupt cleanup command).
 */
export function installSignalHandlers(
  laterAdvice = 'run `sipapp-conformance cleanup --base-url URL --run ID` later',
  message = (signal: NodeJS.Signals) => `\nsipapp-conformance: ${signal}: finishing cases in flight, cleaning up (again to abort at once)\n`,
): SignalControl {
  installEarlySignalHandlers();
  const mine: Session = { count: 0, finished: false, message, laterAdvice };
  session = mine;
  return {
    interrupted: () => mine.count > 0,
    // The listeners stay until the process exits, so a signal in the last milliseconds cannot kill it mid-exit.
    dispose: () => {
      mine.finished = true;
    },
  };
}
