import { randomBytes } from 'node:crypto';
import {
  icebergCatalogProperties,
  LAKEHOUSE_NAMESPACES,
  LakehouseSettings,
} from '../lakehouse/settings';
import { createTrinoSql, TrinoSql } from '../lakehouse/trino';
import { NessieClient } from './nessie';
import { TrinoTarget } from './trinoTarget';

const propertyList = (properties: Record<string, string>) =>
  Object.entries(properties)
    .map(([key, value]) => `"${key}" = '${value.replaceAll("'", "''")}'`)
    .join(', ');

/**
 * A lakehouse on the stack that shares nothing with its `main`: an empty
 * Nessie branch stands in for main, and a Trino catalog over the given
 * scout database for `postgresql`. Tests and benchmarks run the real
 * pipeline in one, then `dispose` it.
 */
export type TrinoSandbox = {
  trino: TrinoSql;
  nessie: NessieClient;
  /** The branch that plays main. */
  main: string;
  /** A Trino catalog on that branch, to read what was published. */
  mainCatalog: string;
  /** A fresh target for one pipeline run in the sandbox. */
  target(): TrinoTarget;
  dispose(): Promise<void>;
};

export async function createTrinoSandbox(options: {
  settings: LakehouseSettings;
  /** The scout database (on the stack's PostgreSQL) that silver comes from. */
  databaseName: string;
}): Promise<TrinoSandbox> {
  const { settings, databaseName } = options;
  const suffix = randomBytes(3).toString('hex');
  const trino = createTrinoSql({
    server: settings.trino.url,
    user: settings.trino.user,
    source: 'scout-sandbox',
  });
  const nessie = new NessieClient(settings.nessie.apiUrl);
  const main = `sandbox-${suffix}`;
  const mainCatalog = `sandbox_${suffix}`;
  const pgCatalog = `sandbox_pg_${suffix}`;
  await trino(
    `create catalog ${pgCatalog} using postgresql with (${propertyList({
      'connection-url': `jdbc:postgresql://127.0.0.1:${settings.postgres.port}/${databaseName}`,
      'connection-user': 'postgres',
    })})`,
  );
  await nessie.createEmptyBranch(main);
  await trino(
    `create catalog ${mainCatalog} using iceberg with (${propertyList(
      icebergCatalogProperties(settings, main),
    )})`,
  );
  // As `scout lakehouse init` does on main; the first commit is also the
  // common ancestor that merging a run's branch needs.
  for (const layer of LAKEHOUSE_NAMESPACES) {
    await trino(`create schema ${mainCatalog}.${layer}`);
  }
  return {
    trino,
    nessie,
    main,
    mainCatalog,
    target: () =>
      new TrinoTarget({
        trino,
        nessie,
        icebergProperties: icebergCatalogProperties(settings),
        postgresCatalog: pgCatalog,
        mainBranch: main,
      }),
    async dispose() {
      await trino(`drop catalog if exists ${mainCatalog}`);
      await trino(`drop catalog if exists ${pgCatalog}`);
      await nessie.deleteBranch(main);
    },
  };
}
