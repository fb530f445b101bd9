import fc from 'fast-check';
import {
  isPostgresText,
  postgresTextProblem,
  postgresTextSchema,
} from './text.ts';

// Single UTF-16 units and short strings at the edges of what text/jsonb hold.
const edgeUnits = fc.constantFrom(
  '\u0000',
  '\ud800', // lone high surrogate
  '\udbff',
  '\udc00', // lone low surrogate
  '\udfff',
  '😀', // a proper pair (astral)
  '\u{10ffff}',
  'e\u0301', // combining acute accent
  '\u200f', // right-to-left mark
  '\u202e', // right-to-left override
  '\ufeff',
  '\uffff',
  '\u0001',
  'a',
  ' ',
);
/** Strings that mix plain text, every edge and arbitrary code units. */
const edgyText = fc
  .array(fc.oneof(edgeUnits, fc.string({ unit: 'binary' }), fc.string()), {
    maxLength: 8,
  })
  .map(parts => parts.join(''));

/** Oracle: the UTF-8 round trip every driver makes gives the string back, and no NUL. */
function roundTrips(value: string): boolean {
  // ignoreBOM: keep a leading U+FEFF, which the decoder would otherwise drop.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const utf8 = decoder.decode(new TextEncoder().encode(value));
  return utf8 === value && !value.includes('\u0000');
}

describe('postgresTextProblem', () => {
  it.each([
    ['plain text', 'Sari-sari store'],
    ['an astral character', 'sale 🛒'],
    ['a combining mark', 'Pe\u0301rez'],
    ['right-to-left marks', '\u200fمتجر\u202e'],
    ['the empty string', ''],
    ['U+FFFF and a BOM', '\uffff\ufeff'],
    ['other control characters', '\u0001\u001f\u007f'],
  ])('accepts %s', (_, value) => {
    expect(postgresTextProblem(value)).toBeUndefined();
    expect(isPostgresText(value)).toBe(true);
  });

  it.each([
    ['NUL', 'a\u0000b', /NUL \(U\+0000\) at index 1/],
    ['a lone low surrogate', 'x\udc00y', /lone surrogate U\+DC00 at index 1/],
    ['a lone high surrogate at the end', 'x\ud83d', /U\+D83D at index 1/],
    ['a reversed pair', '\ude00\ud83d', /U\+DE00 at index 0/],
    ['a high surrogate before a high one', '\ud83d\ud83d\ude00', /index 0/],
  ])('refuses %s, saying where', (_, value, message) => {
    expect(postgresTextProblem(value)).toMatch(message);
    expect(
      postgresTextSchema.safeParse(value).error?.issues[0].message,
    ).toMatch(message);
  });

  it('keeps the bounds chained after it', () => {
    const title = postgresTextSchema.min(1).max(3);
    expect(title.safeParse('abc').success).toBe(true);
    expect(title.safeParse('abcd').success).toBe(false);
    expect(title.safeParse('').success).toBe(false);
    // zod counts characters (code points): an astral one counts 1, not 2.
    expect(title.safeParse('😀😀😀').success).toBe(true);
    expect(title.safeParse('😀😀😀😀').success).toBe(false);
  });

  it('accepts exactly the strings that survive UTF-8 and hold no NUL (property)', () => {
    fc.assert(
      fc.property(edgyText, value => {
        expect(isPostgresText(value)).toBe(roundTrips(value));
        expect(postgresTextSchema.safeParse(value).success).toBe(
          roundTrips(value),
        );
      }),
      { numRuns: 3000 },
    );
  });
});
