/**
 * string-width for the bundle (scripts/build.ts puts this in its place): the
 * same answer, at once for printable ASCII (the length), from string-width
 * itself for anything else (escape codes, wide or combining characters).
 */
import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export default function asciiFirstStringWidth(text: string, options?: Parameters<typeof stringWidth>[1]): number {
  return typeof text === 'string' && PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text, options);
}
