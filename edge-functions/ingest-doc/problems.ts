import type { ZodError } from 'zod';

export type Problem = { path: string; message: string };

/** zod issues as `{ path, message }`, one per unknown key so each points at the key itself. */
export function problemsOf(issues: ZodError['issues']): Problem[] {
  return issues.flatMap(issue => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map(key => ({
        path: [...path, key].join('.'),
        message: `Unrecognized key "${key}"`,
      }));
    }
    return [{ path: path.join('.'), message: issue.message }];
  });
}
