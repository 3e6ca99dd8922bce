/**
 * `serve`: run the reference server until SIGINT/SIGTERM. Prints the address, then
 * ONE line of JSON with the fixtures, on stdout.
 */
import { startReferenceServer } from "./index.js";
export async function serve(opts = {}) {
    const { out = process.stdout, handleSignals = true, ...serverOptions } = opts;
    const server = await startReferenceServer(serverOptions);
    out.write(`reference server listening on ${server.url}${serverOptions.fault ? ` (fault: ${serverOptions.fault})` : ''}\n`);
    out.write(`${JSON.stringify(server.fixtures)}\n`);
    if (handleSignals) {
        const stop = (signal) => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            out.write(`received ${signal}, stopping\n`);
            void server.close().then(() => undefined, (err) => {
                console.error(err);
                process.exitCode = 1;
            });
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
    }
    return server;
}
//# sourceMappingURL=standalone.js.map