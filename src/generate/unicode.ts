import fc from 'fast-check';

/**
 * Characters for generated text, by the class a server is likely to get wrong.
 * Lengths are what ERRATA E26/E76 count: code points (UTF-16 units may differ
 * outside the Basic Multilingual Plane; bytes never count).
 */
const range = (from: number, to: number) => fc.integer({ min: from, max: to }).map((cp) => String.fromCodePoint(cp));

export const CHAR_CLASSES = {
  ascii: range(0x21, 0x7e),
  /** Two- and three-byte BMP letters (Latin-1, Cyrillic, CJK). */
  bmp: fc.oneof(range(0xc0, 0xff), range(0x410, 0x44f), range(0x4e00, 0x4fff)),
  /** Outside the BMP: two UTF-16 units, four UTF-8 bytes (mathematical letters, emoji). */
  astral: fc.oneof(range(0x1d400, 0x1d4ff), range(0x1f600, 0x1f64f), range(0x20000, 0x2a6df)),
  /** Combining diacritical marks: one code point each, no grapheme of their own. */
  combining: range(0x300, 0x36f),
  /** Right-to-left letters (Hebrew, Arabic). */
  rtl: fc.oneof(range(0x5d0, 0x5ea), range(0x627, 0x64a)),
} as const;

export type CharClass = keyof typeof CHAR_CLASSES;
export const CHAR_CLASS_NAMES = Object.keys(CHAR_CLASSES) as CharClass[];

/** Any generated character (full Unicode, weighted towards the classes above). */
export const anyChar = fc.oneof(...CHAR_CLASS_NAMES.map((k) => CHAR_CLASSES[k]));

/** Characters whose count is the same in code points, UTF-16 units and graphemes (for over-long values that must be refused however a server counts). */
export const plainChar = fc.oneof(CHAR_CLASSES.ascii, CHAR_CLASSES.bmp, CHAR_CLASSES.rtl);

export function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** UTF-16 code units (JavaScript's, Java's and C#'s `length`). */
export const utf16Units = (s: string): number => s.length;

/** Exactly `length` characters drawn from `chars`, after a fixed `prefix` (which counts). */
export function textOfLength(length: number, chars: fc.Arbitrary<string>, prefix = ''): fc.Arbitrary<string> {
  const head = codePoints(prefix) <= length ? prefix : '';
  const rest = length - codePoints(head);
  return fc.array(chars, { minLength: rest, maxLength: rest }).map((cs) => {
    const body = cs.join('');
    // A combining mark first would attach to the prefix's last character: harmless, but keep the first one a letter.
    return head + body;
  });
}

/** Lengths a schema's [min, max] makes interesting: both ends, one inside, and a random one. */
export function boundaryLength(min: number, max: number): fc.Arbitrary<number> {
  const inner = Math.min(max, Math.max(min, 3));
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(min, max, inner) },
    { weight: 2, arbitrary: fc.integer({ min, max }) },
  );
}
