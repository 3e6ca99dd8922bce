import { type ObservedResponse } from '../src/checks/observed.ts';
/** A well-formed uuid that names nothing (random v4: collision is not a practical concern). */
export declare const unknownUuid: () => string;
/** Path uuids that break the page's pattern (E24). Upper case and dash-less forms of a random uuid, so they name nothing either way. */
export declare function malformedUuids(): Array<{
    label: string;
    value: string;
}>;
/** The page's request example for trunk settings (all 10 code samples agree), with values a client would send. */
export declare function sampleTrunkSettings(): Record<string, unknown>;
export declare const appOf: (res: ObservedResponse) => Record<string, unknown> | undefined;
/** BMP characters of 2 and 3 UTF-8 bytes: one code point and one UTF-16 unit each (E26). */
export declare const MULTIBYTE: {
    readonly twoBytes: "é";
    readonly threeBytes: "中";
};
