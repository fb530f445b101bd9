import { randomBytes } from 'node:crypto';
import {
  icebergCatalogProperties,
  icebergStack,
  LAKEHOUSE_NAMESPACES,
  LakehouseStack,
} from '../lakehouse/stack';
import { createTrinoSql, TrinoSql } from '../lakehouse/trino';
import { quoteIdentifier, quoteLiteral } from '../sql/quote';
import { NessieClient } from './nessie';
import { TrinoTarget } from './trinoTarget';

const propertyList = (properties: Record<string, string>) =>
  Object.entries(properties)
    .map(([key, value]) => `${quoteIdentifier(key)} = ${quoteLiteral(value)}`)
    .join(', ');

/** The JDBC URL of another database on the same server. */
function jdbcUrlOf(jdbcUrl: string, databaseName: string): string {
  const url = new URL(jdbcUrl.slice('jdbc:'.length));
  url.pathname = `/${databaseName}`;
  return `jdbc:${url}`;
}

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
  /** The stack's connections, with postgres: how Trino reaches the server. */
  stack: LakehouseStack;
  /** The scout database (on the stack's PostgreSQL) that silver comes from. */
  databaseName: string;
}): Promise<TrinoSandbox> {
  const { stack, databaseName } = options;
  const iceberg = icebergStack(stack);
  if (!stack.postgres) {
    throw new Error(
      'A Trino sandbox needs scout.lakehouse.postgres.jdbcUrl: how Trino reaches the scout database',
    );
  }
  const { jdbcUrl, user, password } = stack.postgres;
  const suffix = randomBytes(3).toString('hex');
  const trino = createTrinoSql({
    server: iceberg.trino.url,
    user: iceberg.trino.user,
    source: 'scout-sandbox',
  });
  const nessie = new NessieClient(iceberg.nessie.url);
  const main = `sandbox-${suffix}`;
  const mainCatalog = `sandbox_${suffix}`;
  const pgCatalog = `sandbox_pg_${suffix}`;
  await trino(
    `create catalog ${pgCatalog} using postgresql with (${propertyList({
      'connection-url': jdbcUrlOf(jdbcUrl, databaseName),
      ...(user ? { 'connection-user': user } : {}),
      ...(password ? { 'connection-password': password } : {}),
    })})`,
  );
  await nessie.createEmptyBranch(main);
  await trino(
    `create catalog ${mainCatalog} using iceberg with (${propertyList(
      icebergCatalogProperties(iceberg, main),
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
        connection: iceberg.trino,
        nessie,
        icebergProperties: icebergCatalogProperties(iceberg),
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
