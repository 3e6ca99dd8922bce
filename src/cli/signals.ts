/**
 * First SIGINT/SIGTERM: stop starting cases, let the run clean up what it
 * created and write its reports. Second: leave at once.
 */
export function installSignalHandlers(): { interrupted: () => boolean; dispose: () => void } {
  let count = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    count++;
    if (count === 1) {
      process.stderr.write(`\nsipapp-conformance: ${signal}: finishing cases in flight, cleaning up (again to abort at once)\n`);
    } else {
      process.stderr.write(`sipapp-conformance: ${signal} again: aborting without cleanup; run \`sipapp-conformance cleanup\` later\n`);
      process.exit(130);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    interrupted: () => count > 0,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
