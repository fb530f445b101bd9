import { InputError } from '@backstage/errors';

/**
 * Where in a parsed JSON body a string (or key) holds text no store can
 * keep as sent: a lone UTF-16 surrogate (UTF-8, SQLite's and PostgreSQL's
 * encoding, has no such character: it would come back as U+FFFD, another
 * name) or U+0000 (PostgreSQL's text refuses it, and the store joins keys
 * with it). The path is the validator's, `request/body/job/name`; undefined
 * when every string is storable.
 */
export function unstorableTextAt(
  value: unknown,
  path = 'request/body',
): string | undefined {
  if (typeof value === 'string') return storable(value) ? undefined : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const at = unstorableTextAt(value[i], `${path}/${i}`);
      if (at) return at;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!storable(key)) return `${path} (the key ${JSON.stringify(key)})`;
      const at = unstorableTextAt(item, `${path}/${key}`);
      if (at) return at;
    }
  }
  return undefined;
}

/** A UTF-16 surrogate not in a high-low pair. */
const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function storable(text: string): boolean {
  return !LONE_SURROGATE.test(text) && !text.includes('\u0000');
}

/** Express middleware: a 400 naming the first unstorable string of the body. */
export function refuseUnstorableText(
  req: { body?: unknown },
  _res: unknown,
  next: (error?: unknown) => void,
) {
  const at = unstorableTextAt(req.body);
  next(
    at
      ? new InputError(
          `${at} must be well-formed Unicode without U+0000 (a lone surrogate or a NUL cannot be stored)`,
        )
      : undefined,
  );
}
