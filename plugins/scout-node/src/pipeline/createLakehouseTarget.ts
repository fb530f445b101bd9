import type { SqlQueryable } from '@internal/backstage-plugin-scout-common';
import {
  icebergCatalogProperties,
  LakehouseSettings,
} from '../lakehouse/settings';
import { createTrinoSql } from '../lakehouse/trino';
import { DuckdbTarget } from './duckdbTarget';
import { NessieClient } from './nessie';
import { TrinoTarget } from './trinoTarget';
import type { LakehouseEngine, LakehouseTarget } from './types';

/**
 * The lakehouse a pipeline run writes: Iceberg through Trino and Nessie
 * (`settings` says where), or Parquet files under `dir` built on DuckDB.
 * `db` is the scout database that the DuckDB target reads silver from;
 * Trino reads it through its own postgresql catalog.
 */
export function createLakehouseTarget(options: {
  engine: LakehouseEngine;
  db: SqlQueryable;
  settings: LakehouseSettings;
  dir: string;
}): LakehouseTarget {
  const { engine, db, settings, dir } = options;
  if (engine === 'duckdb') return new DuckdbTarget(db, dir);
  return new TrinoTarget({
    trino: createTrinoSql({
      server: settings.trino.url,
      user: settings.trino.user,
      source: 'scout-pipeline',
    }),
    nessie: new NessieClient(settings.nessie.apiUrl),
    icebergProperties: icebergCatalogProperties(settings),
    postgresCatalog: settings.trino.postgresCatalog,
  });
}
