/**
 * First SIGINT/SIGTERM: stop starting cases, let the run clean up what it
 * created and write its reports. Second: leave at once.
 */
export function installSignalHandlers(laterAdvice = 'run `sipapp-conformance cleanup --base-url URL --run ID` later'): { interrupted: () => boolean; dispose: () => void } {
  let count = 0;
  let finished = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // After the run (reports written, cleanup done) the process is only exiting: a late signal changes nothing.
    if (finished) return;
    count++;
    if (count === 1) {
      process.stderr.write(`\nsipapp-conformance: ${signal}: finishing cases in flight, cleaning up (again to abort at once)\n`);
    } else {
      process.stderr.write(`sipapp-conformance: ${signal} again: aborting without cleanup; ${laterAdvice}\n`);
      process.exit(130);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    interrupted: () => count > 0,
    // The listeners stay until the process exits, so a signal in the last milliseconds cannot kill it mid-exit.
    dispose: () => {
      finished = true;
    },
  };
}
