import type { CommandModule } from 'yargs';
import { UsageError } from '../../runner/options.ts';
import { installSignalHandlers } from '../signals.ts';
import { faultOption, numberAtLeast, sharedOption } from '../options.ts';

/** `serve`: the reference server as a local, stateful OpenTact stand-in. */
export function serveCommand(setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'serve',
    describe: 'Run the embedded reference server standalone (prints its address and fixtures as JSON)',
    builder: (y) => y
      .option('port', { type: 'number', default: 0, describe: 'Port (0: any free port)' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'Interface to listen on' })
      .option('fault', sharedOption('fault', { describe: 'Serve with this named fault' }))
      .option('latency', sharedOption('latency', { default: 0 }))
      .option('token-lifetime', { type: 'number', describe: 'Tokens expire this many seconds after issue; GET /_reference/token?account=a|b issues a fresh one (for --token-command)' })
      .option('list-faults', { type: 'boolean', default: false, describe: 'Print the fault catalogue and exit' }),
    handler: async (args) => {
      const { FAULTS, READINGS, READING_PREFIX } = await import('../../server/index.ts');
      const { serve } = await import('../../server/standalone.ts');
      if (args['list-faults']) {
        const width = Math.max(...FAULTS.map((f) => f.name.length));
        for (const f of FAULTS) process.stdout.write(`${f.name.padEnd(width)}  ${f.category.padEnd(16)} caught by ${f.caughtBy}${f.mode === 'strict' ? ' (--strict)' : ''}: ${f.description}\n`);
        process.stdout.write(`\nAlternative readings the errata allow (the suite must pass them): --fault ${READING_PREFIX}<name>\n`);
        for (const r of READINGS) process.stdout.write(`${READING_PREFIX}${r.name}  ${r.description}\n`);
        setExitCode(0);
        return;
      }
      const port = Number(args.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535, got ${String(args.port)}`);
      const fault = faultOption(args.fault);
      const lifetime = args['token-lifetime'] as number | undefined;
      if (lifetime !== undefined && !(Number.isFinite(lifetime) && lifetime >= 1)) throw new UsageError(`--token-lifetime must be a number of seconds ≥ 1, got ${String(lifetime)}`);
      const server = await serve({ port, host: String(args.host), fault, latencyMs: numberAtLeast('latency', args.latency ?? 0, 0), tokenLifetimeSeconds: lifetime }).catch((error: NodeJS.ErrnoException) => {
        if (error?.code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${String(args.host)} is already in use; choose another with --port (0: any free port)`);
        if (error?.code === 'EACCES') throw new UsageError(`not allowed to listen on port ${port} on ${String(args.host)}; choose a port above 1023 with --port`);
        throw error;
      });
      // Take Ctrl-C over from the entry point (which would exit 130 at once): here it means "stop serving", exit 0.
      const signals = installSignalHandlers('nothing to clean up: the server keeps its state in memory', () => '');
      await new Promise<void>((resolve) => {
        const done = () => resolve();
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
      });
      await server.close().catch(() => undefined);
      signals.dispose();
      setExitCode(0);
    },
  };
}
