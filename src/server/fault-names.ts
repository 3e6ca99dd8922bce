import { faultByName } from './faults.ts';
import { READING_PREFIX, readingByName } from './readings.ts';

/**
 * The one answer to "is this a name `--fault` takes?": a catalogue fault, or
 * `reading:<name>` of an alternative reading. Kept apart from index.ts so the
 * CLI can validate a name without loading the server (Fastify and friends).
 */
export function isKnownFault(name: string): boolean {
  return Boolean(faultByName(name)) || (name.startsWith(READING_PREFIX) && Boolean(readingByName(name.slice(READING_PREFIX.length))));
}

/** The usage error's one line for a name isKnownFault refuses. */
export function unknownFaultMessage(name: string): string {
  return `unknown fault ${name}; see \`sipapp-conformance serve --list-faults\``;
}
