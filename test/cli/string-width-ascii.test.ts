import t from 'tap';
import stringWidth from 'string-width';
import narrowFirstStringWidth, { NARROW_TEXT } from '../../scripts/string-width-ascii.ts';

/**
 * The bundle replaces string-width (yargs' help layout) by a fast path for
 * characters one column wide. It must give string-width's own answer: for
 * every character the fast path takes, for mixed text, and for what it hands on.
 */

t.test('every character the fast path takes is one column wide for string-width too', async (t) => {
  const mismatches: string[] = [];
  let taken = 0;
  for (let cp = 0; cp <= 0xffff; cp++) {
    const ch = String.fromCodePoint(cp);
    if (!NARROW_TEXT.test(ch)) continue;
    taken++;
    if (stringWidth(ch) !== 1) mismatches.push(`U+${cp.toString(16)}`);
  }
  t.ok(taken > 400, `${taken} characters take the fast path`);
  t.same(mismatches, []);
});

t.test('same answers as string-width on help-like text and on what it hands on', async (t) => {
  for (const text of ['', 'run the suite', '--budget N | Ns … × 2', 'naïve café — ok', '中文', '\u001b[31mred\u001b[39m', 'e\u0301', '👍🏽 ok', 'tab\there']) {
    t.equal(narrowFirstStringWidth(text), stringWidth(text), JSON.stringify(text));
  }
  t.equal(narrowFirstStringWidth('×', { ambiguousIsNarrow: false }), stringWidth('×', { ambiguousIsNarrow: false }), 'ambiguous width asked wide: handed on');
});
