import type { Config } from '@backstage/config';
import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphLimits } from './services/LineageGraph';
import type { NameRewrite } from './services/normalize';

/** lineage.* with its defaults (config.d.ts documents each key). */
export type StaticPassConfig = {
  /** The Python that has sqlglot. */
  python: string;
  /** How the embedded engine's published pipeline runs are named. */
  pipeline: { namespace: string; renameDatabase: Record<string, string> };
};

/** lineage.staticPass.* with its defaults (config.d.ts documents each key). */
export function readStaticPassConfig(config: Config): StaticPassConfig {
  const pipeline = config.getOptionalConfig('lineage.staticPass.pipeline');
  const renames = pipeline?.getOptionalConfig('renameDatabase');
  return {
    python:
      config.getOptionalString('lineage.staticPass.python') ?? checkoutPython(),
    pipeline: {
      namespace:
        pipeline?.getOptionalString('namespace') ?? 'duckdb://lakehouse',
      renameDatabase: renames
        ? Object.fromEntries(
            renames.keys().map(key => [key, renames.getString(key)]),
          )
        : { scout: 'lakehouse' },
    },
  };
}

export function readLineageConfig(
  config: Config,
): GraphLimits & { datasetNameRewrites: NameRewrite[] } {
  const positive = (key: string, fallback: number) => {
    const value = config.getOptionalNumber(`lineage.${key}`) ?? fallback;
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(
        `lineage.${key} must be a whole number of 1 or more, not ${value}`,
      );
    }
    return value;
  };
  const datasetNameRewrites = (
    config.getOptionalConfigArray('lineage.datasetNameRewrites') ?? []
  ).map((rule, i) => {
    const source = rule.getString('pattern');
    try {
      return {
        pattern: new RegExp(source),
        replacement: rule.getString('replacement'),
      };
    } catch (error) {
      throw new Error(
        `lineage.datasetNameRewrites[${i}].pattern is not a regular expression: ${
          (error as Error).message
        }`,
      );
    }
  });
  return {
    maxDepth: positive('maxDepth', 20),
    maxNodes: positive('maxNodes', 2000),
    datasetNameRewrites,
  };
}

/**
 * A source checkout's `.venv/bin/python` (it has sqlglot), else python3: a
 * deployed image without a checkout names its Python in config.
 */
function checkoutPython(): string {
  try {
    const venv = join(repositoryRoot(), '.venv/bin/python');
    return existsSync(venv) ? venv : 'python3';
  } catch {
    return 'python3';
  }
}
