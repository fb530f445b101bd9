import { RootConfigService } from '@backstage/backend-plugin-api';

/** Problems found so far, by config key (one line per key in the report). */
export type Problems = Map<string, string[]>;

export function add(problems: Problems, key: string, problem: string) {
  problems.set(key, [...(problems.get(key) ?? []), problem]);
}

/** HS256 keys and static tokens: at least 256 bits. */
export const MIN_SECRET_BYTES = 32;

/**
 * A string setting. Empty (a variable set to nothing) counts as unset, as
 * does a value of another type: Backstage refuses to read either as a string.
 */
export function text(
  config: Pick<RootConfigService, 'getOptionalString'>,
  key: string,
): string | undefined {
  try {
    return config.getOptionalString(key);
  } catch {
    return undefined;
  }
}
