import { RootConfigService } from '@backstage/backend-plugin-api';
import { LAKEHOUSE_IDENTIFIER } from '@internal/backstage-plugin-lakehouse-common';
import {
  lakehouseSettings,
  repositoryRoot,
} from '@internal/backstage-plugin-scout-node';
import { join, resolve } from 'node:path';
import { REF_NAME } from './engines/sql';

export type LakehouseConfig = {
  engine: 'duckdb' | 'trino';
  duckdb: { dir: string };
  trino: { url: string; user: string; catalog: string };
  nessie: { url: string; defaultRef: string };
  preview: { maxRows: number };
  health: { targetFileBytes: number };
  dbtManifest: string;
};

/** Spec limit on one preview page. */
export const PREVIEW_MAX_ROWS = 500;

/**
 * Reads the `lakehouse` config once. The engine and the DuckDB folder fall
 * back to the scout plugin's `scout.lakehouse.*`, so the pipeline and the
 * browser read the same lakehouse; Trino and Nessie default to the local
 * stack's settings.
 */
export function readLakehouseConfig(
  config: RootConfigService,
  env: Record<string, string | undefined> = process.env,
): LakehouseConfig {
  const engine =
    config.getOptionalString('lakehouse.engine') ??
    config.getOptionalString('scout.lakehouse.engine') ??
    (env.SCOUT_LAKEHOUSE_ENGINE || 'duckdb');
  if (engine !== 'duckdb' && engine !== 'trino') {
    throw new Error(
      `lakehouse.engine must be duckdb or trino, not "${engine}"`,
    );
  }
  const settings = lakehouseSettings(env);
  const dir =
    config.getOptionalString('lakehouse.duckdb.dir') ??
    config.getOptionalString('scout.lakehouse.dir');
  const catalog =
    config.getOptionalString('lakehouse.trino.catalog') ??
    settings.trino.icebergCatalog;
  if (!LAKEHOUSE_IDENTIFIER.test(catalog)) {
    throw new Error(
      `lakehouse.trino.catalog must be a lower-case SQL identifier, not "${catalog}"`,
    );
  }
  const defaultRef =
    config.getOptionalString('lakehouse.nessie.defaultRef') ?? 'main';
  if (!REF_NAME.test(defaultRef)) {
    throw new Error(
      `lakehouse.nessie.defaultRef is not a Nessie reference name: "${defaultRef}"`,
    );
  }
  const maxRows =
    config.getOptionalNumber('lakehouse.preview.maxRows') ?? PREVIEW_MAX_ROWS;
  if (!Number.isInteger(maxRows) || maxRows < 1 || maxRows > PREVIEW_MAX_ROWS) {
    throw new Error(
      `lakehouse.preview.maxRows must be an integer from 1 to ${PREVIEW_MAX_ROWS}`,
    );
  }
  const manifest = config.getOptionalString('lakehouse.dbtManifest');
  return {
    engine,
    duckdb: {
      dir: dir ? resolve(dir) : join(repositoryRoot(), '.scout/lakehouse'),
    },
    trino: {
      url:
        config.getOptionalString('lakehouse.trino.url') ?? settings.trino.url,
      user:
        config.getOptionalString('lakehouse.trino.user') ?? settings.trino.user,
      catalog,
    },
    nessie: {
      url:
        config.getOptionalString('lakehouse.nessie.url') ??
        settings.nessie.apiUrl,
      defaultRef,
    },
    preview: { maxRows },
    health: {
      targetFileBytes:
        config.getOptionalNumber('lakehouse.health.targetFileBytes') ??
        512 * 1024 * 1024,
    },
    dbtManifest: manifest
      ? resolve(manifest)
      : join(repositoryRoot(), '.scout/pipeline/published/manifest.json'),
  };
}
