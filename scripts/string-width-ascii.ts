/**
 * string-width for the bundle (scripts/build.ts puts this in its place): the
 * same answer, at once for text made only of characters one column wide
 * everywhere string-width's defaults apply (printable ASCII, Latin-1 letters
 * and signs, punctuation such as … and —, arrows, × and other operators), from
 * string-width itself for anything else (escape codes, wide, combining or
 * zero-width characters, emoji). test/cli/string-width-ascii.test.ts compares
 * the two over every character of those ranges.
 */
import stringWidth from 'string-width';

export const NARROW_TEXT = /^[\x20-\x7e\u00a1-\u00ac\u00ae-\u00ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2200-\u22ff]*$/;

export default function narrowFirstStringWidth(text: string, options?: Parameters<typeof stringWidth>[1]): number {
  const narrowCounts = options?.ambiguousIsNarrow !== false;
  return typeof text === 'string' && narrowCounts && NARROW_TEXT.test(text) ? text.length : stringWidth(text, options);
}
