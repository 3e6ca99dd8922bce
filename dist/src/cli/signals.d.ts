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
/** The entry point's first act: listen for SIGINT/SIGTERM (idempotent). */
export declare function installEarlySignalHandlers(): void;
export interface SignalControl {
    /** True once the user asked to stop. */
    interrupted: () => boolean;
    /** The work is done: later signals change nothing. */
    dispose: () => void;
}
/** A command takes the signals over: the first one only asks it to stop, the second one aborts. */
export declare function installSignalHandlers(message?: (signal: NodeJS.Signals) => string): SignalControl;
