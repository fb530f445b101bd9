import type { ZodError } from 'zod';

export type Problem = { path: string; message: string };

/**
 * zod issues as `{ path, message }`: one per unknown key so each points at
 * the key itself, and a bad record key as what is wrong with it (zod's own
 * message, "Invalid key in record", would not say which limit it broke).
 */
export function problemsOf(issues: ZodError['issues']): Problem[] {
  return issues.flatMap(issue => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map(key => ({
        path: [...path, key].join('.'),
        message: `Unrecognized key "${key}"`,
      }));
    }
    if (issue.code === 'invalid_key') {
      return issue.issues.map(inner => ({
        path: path.join('.'),
        message: `Invalid key: ${inner.message}`,
      }));
    }
    return [{ path: path.join('.'), message: issue.message }];
  });
}
