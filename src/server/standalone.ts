/**
 * `serve`: run the reference server until SIGINT/SIGTERM. Prints the address, then
 * ONE line of JSON with the fixtures, on stdout.
 */
import { startReferenceServer } from './index.ts';
import type { ReferenceServerOptions, RunningReferenceServer } from './types.ts';

export interface ServeOptions extends ReferenceServerOptions {
  /** Where to print; default process.stdout. */
  out?: NodeJS.WritableStream;
  /** Install SIGINT/SIGTERM handlers that close the server (default true). */
  handleSignals?: boolean;
}

export async function serve(opts: ServeOptions = {}): Promise<RunningReferenceServer> {
  const { out = process.stdout, handleSignals = true, ...serverOptions } = opts;
  const server = await startReferenceServer(serverOptions);
  out.write(`reference server listening on ${server.url}${serverOptions.fault ? ` (fault: ${serverOptions.fault})` : ''}\n`);
  out.write(`${JSON.stringify(server.fixtures)}\n`);
  if (handleSignals) {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      out.write(`received ${signal}, stopping\n`);
      void server.close().then(
        () => undefined,
        (err: unknown) => {
          console.error(err);
          process.exitCode = 1;
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }
  return server;
}
