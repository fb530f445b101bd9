import { InputError } from '@backstage/errors';
import { postgresTextProblem } from '@internal/backstage-plugin-scout-common';

/**
 * Where in a parsed JSON body a string (or key) holds text no store can
 * keep as sent, and why (scout-common's postgresTextProblem): U+0000, which
 * PostgreSQL's text and jsonb refuse, or a lone UTF-16 surrogate, which
 * UTF-8 (SQLite's and PostgreSQL's encoding) cannot carry and would come
 * back as U+FFFD. The path is the OpenAPI validator's,
 * `request/body/job/name`; undefined when every string is storable.
 */
export function unstorableTextAt(
  value: unknown,
  path = 'request/body',
): { path: string; problem: string } | undefined {
  if (typeof value === 'string') {
    const problem = postgresTextProblem(value);
    return problem ? { path, problem } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const at = unstorableTextAt(value[i], `${path}/${i}`);
      if (at) return at;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const problem = postgresTextProblem(key);
      if (problem) {
        return { path: `${path} (the key ${JSON.stringify(key)})`, problem };
      }
      const at = unstorableTextAt(item, `${path}/${key}`);
      if (at) return at;
    }
  }
  return undefined;
}

/**
 * Express middleware for routers whose input reaches a database: a 400
 * (InputError) naming the first unstorable string of the query or the JSON
 * body and why, before any handler runs, instead of a 500 from the driver
 * or a value that reads back changed. Place it after the JSON body parser.
 */
export function refuseUnstorableText(
  req: { query?: unknown; body?: unknown },
  _res: unknown,
  next: (error?: unknown) => void,
) {
  const at =
    unstorableTextAt(req.query, 'request/query') ?? unstorableTextAt(req.body);
  next(
    at
      ? new InputError(`${at.path} is not storable: ${at.problem}`)
      : undefined,
  );
}
