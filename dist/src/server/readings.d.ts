/**
 * The reading catalogue: each entry is ONE alternative a real implementation could
 * reasonably ship where spec/ERRATA.md leaves room, and which the reference server
 * (one reading everywhere) does not take by default. Unlike a fault, a reading must
 * NOT make the default suite fail: `test/mutation/readings.test.ts` runs the whole
 * suite against each one (no false alarms) and, where the errata pins a single
 * reading under --strict, checks that --strict does fail it (`strictFails`).
 *
 * Readings use the same hook points as faults (behaviour switches, a response
 * transformer). They are kept apart from FAULTS (faultByName never finds one);
 * `startReferenceServer({ reading })` selects one, and so does `fault: 'reading:<name>'`,
 * which is how a run (`--fault reading:<name>`) reaches them without a runner option.
 */
import type { CheckName } from '../checks/catalogue.ts';
import type { BehaviourPatch } from './behaviour.ts';
import { type ResponseContext } from './respond.ts';
export interface ReadingSpec {
    name: string;
    /** The errata entries that allow this reading ('page silent: …' when the page simply says nothing). */
    errata: readonly string[];
    /** One line: what the server does differently from the reference. */
    description: string;
    /** Advisory checks a default run may warn about (the errata calls the difference advisory). */
    warns?: readonly CheckName[];
    /** The check --strict must fail, where the errata pins the reference's reading. */
    strictFails?: CheckName;
}
export interface ReadingDefinition extends ReadingSpec {
    behaviour?: BehaviourPatch;
    respond?: (ctx: ResponseContext) => ResponseContext;
}
/** The prefix that makes a `fault` option name a reading instead. */
export declare const READING_PREFIX = "reading:";
export declare const READINGS: readonly ReadingDefinition[];
export declare function readingByName(name: string): ReadingDefinition | undefined;
