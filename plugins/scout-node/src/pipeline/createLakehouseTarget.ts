import type { SqlQueryable } from '@internal/backstage-plugin-scout-common';
import {
  icebergCatalogProperties,
  icebergStack,
  LakehouseStack,
} from '../lakehouse/stack';
import { createTrinoSql } from '../lakehouse/trino';
import { DuckdbTarget } from './duckdbTarget';
import { NessieClient } from './nessie';
import { TrinoTarget } from './trinoTarget';
import type { LakehouseEngine, LakehouseTarget } from './types';

/**
 * The lakehouse a pipeline run writes: Iceberg through Trino and Nessie
 * (where they are comes from `stack`), or Parquet files under `stack.dir`
 * built on DuckDB. `db` is the scout database that the DuckDB target reads
 * silver from; Trino reads it through its own postgresql catalog.
 */
export function createLakehouseTarget(options: {
  engine: LakehouseEngine;
  db: SqlQueryable;
  stack: LakehouseStack;
}): LakehouseTarget {
  const { engine, db, stack } = options;
  if (engine === 'duckdb') return new DuckdbTarget(db, stack.dir);
  const iceberg = icebergStack(stack);
  return new TrinoTarget({
    trino: createTrinoSql({
      server: iceberg.trino.url,
      user: iceberg.trino.user,
      source: 'scout-pipeline',
    }),
    connection: iceberg.trino,
    nessie: new NessieClient(iceberg.nessie.url),
    icebergProperties: icebergCatalogProperties(iceberg),
    postgresCatalog: iceberg.trino.postgresCatalog,
  });
}
