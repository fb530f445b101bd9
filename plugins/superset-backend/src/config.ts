import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** One row-level-security rule of superset.rowLevelSecurity.rules. */
export type RlsRule = {
  groups: string[];
  /** Absent: every row. */
  clause?: string;
  /** `<schema>.<table>`; absent: every dataset. */
  datasets?: string[];
};

export type RowLevelSecurity = { rules: RlsRule[]; otherwise: string };

/** The `superset` config, or undefined when superset.baseUrl is not set. */
export type SupersetConfig = {
  baseUrl: string;
  publicUrl: string;
  username: string;
  password: string;
  rowLevelSecurity: RowLevelSecurity;
};

/** What callers no rule covers see: nothing (fail closed). */
export const DEFAULT_OTHERWISE = '1 = 0';

const DATASET = /^[A-Za-z_][\w]*\.[A-Za-z_][\w]*$/;

function url(config: Config, key: string): string | undefined {
  const value = config.getOptionalString(key)?.trim();
  if (!value) return undefined;
  try {
    return new URL(value).href.replace(/\/$/, '');
  } catch {
    throw new InputError(`${key}: "${value}" is not a URL`);
  }
}

/**
 * Reads `superset` (config.d.ts). Throws InputError naming the key for a
 * malformed value: a bad URL, an empty clause, a dataset that is not
 * `<schema>.<table>`, a rule without groups.
 */
export function readSupersetConfig(root: Config): SupersetConfig | undefined {
  const baseUrl = url(root, 'superset.baseUrl');
  if (!baseUrl) return undefined;
  const config = root.getConfig('superset');
  const rls = config.getOptionalConfig('rowLevelSecurity');
  const rules = (rls?.getOptionalConfigArray('rules') ?? []).map(
    (rule, i): RlsRule => {
      const key = `superset.rowLevelSecurity.rules[${i}]`;
      const groups = rule.getStringArray('groups');
      if (!groups.length) throw new InputError(`${key}.groups: empty`);
      const clause = rule.getOptionalString('clause');
      if (clause !== undefined && !clause.trim()) {
        throw new InputError(
          `${key}.clause: empty (leave it out to show every row)`,
        );
      }
      const datasets = rule.getOptionalStringArray('datasets');
      const bad = datasets?.find(d => !DATASET.test(d));
      if (bad !== undefined) {
        throw new InputError(
          `${key}.datasets: "${bad}" is not <schema>.<table>`,
        );
      }
      return {
        groups: groups.map(g => g.toLowerCase()),
        ...(clause !== undefined && { clause: clause.trim() }),
        ...(datasets && { datasets }),
      };
    },
  );
  const otherwise = rls?.getOptionalString('otherwise')?.trim();
  return {
    baseUrl,
    publicUrl: url(root, 'superset.publicUrl') ?? baseUrl,
    username: config.getString('username'),
    password: config.getString('password'),
    rowLevelSecurity: { rules, otherwise: otherwise || DEFAULT_OTHERWISE },
  };
}
