import { RootConfigService } from '@backstage/backend-plugin-api';
import { LAKEHOUSE_IDENTIFIER } from '@internal/backstage-plugin-lakehouse-common';
import {
  icebergCatalogProperties,
  icebergStack,
  LakehouseStack,
  repositoryRoot,
} from '@internal/backstage-plugin-scout-node';
import { join, resolve } from 'node:path';
import { REF_NAME } from './engines/sql';

export type LakehouseConfig = {
  engine: 'duckdb' | 'trino';
  duckdb: { dir: string };
  /** The Trino engine's connections; set when the engine is trino. */
  trino?: {
    url: string;
    user: string;
    catalog: string;
    nessieUrl: string;
    /** The Iceberg catalog's properties, for catalogs on other refs. */
    icebergProperties: Record<string, string>;
  };
  nessie: { defaultRef: string };
  preview: { maxRows: number };
  health: { targetFileBytes: number };
  dbtManifest: string;
};

/** Spec limit on one preview page. */
export const PREVIEW_MAX_ROWS = 500;

/**
 * Reads the plugin's own `lakehouse` config once. Where Trino, Nessie, the
 * S3 store and the Parquet folder are comes from the shared `stack`
 * (scout.lakehouse.*, the lakehouseStackServiceRef service); the engine
 * follows the stack's unless `lakehouse.engine` says otherwise, so the
 * pipeline and the browser read the same lakehouse.
 */
export function readLakehouseConfig(
  config: RootConfigService,
  stack: LakehouseStack,
): LakehouseConfig {
  const engine = config.getOptionalString('lakehouse.engine') ?? stack.engine;
  if (engine !== 'duckdb' && engine !== 'trino') {
    throw new Error(
      `lakehouse.engine must be duckdb or trino, not "${engine}"`,
    );
  }
  const dir = config.getOptionalString('lakehouse.duckdb.dir');
  const iceberg = engine === 'trino' ? icebergStack(stack) : undefined;
  const catalog =
    config.getOptionalString('lakehouse.trino.catalog') ??
    stack.trino?.catalog ??
    'iceberg';
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
    duckdb: { dir: dir ? resolve(dir) : stack.dir },
    trino: iceberg && {
      url: iceberg.trino.url,
      user: iceberg.trino.user,
      catalog,
      nessieUrl: iceberg.nessie.url,
      icebergProperties: icebergCatalogProperties(iceberg),
    },
    nessie: { defaultRef },
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
