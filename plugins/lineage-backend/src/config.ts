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
  /** The SQL migrations whose views become lineage; none outside a checkout. */
  migrations: string | undefined;
  /**
   * How pipeline runs' datasets are named: the embedded engine's
   * (`namespace`, `renameDatabase`), and Trino's as its listener names them.
   */
  pipeline: {
    namespace: string;
    renameDatabase: Record<string, string>;
    trinoNamespace: string;
  };
};

/** lineage.staticPass.* with its defaults (config.d.ts documents each key). */
export function readStaticPassConfig(config: Config): StaticPassConfig {
  const pipeline = config.getOptionalConfig('lineage.staticPass.pipeline');
  const renames = pipeline?.getOptionalConfig('renameDatabase');
  return {
    python:
      config.getOptionalString('lineage.staticPass.python') ?? checkoutPython(),
    migrations:
      config.getOptionalString('lineage.staticPass.migrations') ??
      checkoutPath('migrations'),
    pipeline: {
      namespace:
        pipeline?.getOptionalString('namespace') ?? 'duckdb://lakehouse',
      renameDatabase: renames
        ? Object.fromEntries(
            renames.keys().map(key => [key, renames.getString(key)]),
          )
        : { scout: 'lakehouse' },
      trinoNamespace:
        pipeline?.getOptionalString('trinoNamespace') ??
        trinoNamespace(config.getOptionalString('scout.lakehouse.trino.url')),
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
      const namespace = rule.getOptionalString('namespace');
      return {
        pattern: new RegExp(source),
        replacement: rule.getString('replacement'),
        ...(namespace ? { namespace } : {}),
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

/** The namespace Trino's OpenLineage listener uses: trino://<host>:<port>. */
function trinoNamespace(url = 'http://127.0.0.1:8080'): string {
  const { hostname, port, protocol } = new URL(url);
  return `trino://${hostname}:${port || (protocol === 'https:' ? 443 : 80)}`;
}

/**
 * A source checkout's `.venv/bin/python` (it has sqlglot), else python3: a
 * deployed image without a checkout names its Python in config.
 */
function checkoutPython(): string {
  return checkoutPath('.venv/bin/python') ?? 'python3';
}

/** A path in the source checkout, when there is one and it exists. */
function checkoutPath(path: string): string | undefined {
  try {
    const full = join(repositoryRoot(), path);
    return existsSync(full) ? full : undefined;
  } catch {
    return undefined;
  }
}
