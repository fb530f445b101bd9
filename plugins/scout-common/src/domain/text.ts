import { z } from 'zod';

// Without the u flag a regex sees UTF-16 code units, so this finds a high
// surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const hex = (code: number) =>
  `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why PostgreSQL could not store `value` in a `text` or `jsonb` column and
 * give back the same string, or undefined when it can. Two things break the
 * round trip: NUL (U+0000), which neither type holds (a 500 inside the
 * database), and a lone surrogate (half of a UTF-16 pair), which `jsonb`
 * refuses and the UTF-8 encoder silently turns into U+FFFD on its way to
 * `text`. Astral characters (proper pairs), combining marks and bidi marks
 * are fine. Indexes in the message are UTF-16 code units.
 */
export function postgresTextProblem(value: string): string | undefined {
  const nul = value.indexOf('\u0000');
  if (nul >= 0) {
    return `Contains NUL (U+0000) at index ${nul}; PostgreSQL text cannot hold it`;
  }
  const lone = LONE_SURROGATE.exec(value);
  if (lone) {
    return (
      `Contains a lone surrogate ${hex(lone[0].charCodeAt(0))} at index ${
        lone.index
      }; ` + 'send well-formed UTF-16 (a surrogate only as half of a pair)'
    );
  }
  return undefined;
}

/** True when PostgreSQL stores `value` as text or jsonb and reads back the same string. */
export function isPostgresText(value: string): boolean {
  return postgresTextProblem(value) === undefined;
}

/**
 * A string PostgreSQL can store and give back unchanged: no NUL, no lone
 * surrogate (see `postgresTextProblem`). Chain bounds as with `z.string()`:
 * `postgresTextSchema.min(1).max(500)`; zod counts lengths in characters
 * (code points: an astral character counts 1).
 */
export const postgresTextSchema = z.string().superRefine((value, ctx) => {
  const problem = postgresTextProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
