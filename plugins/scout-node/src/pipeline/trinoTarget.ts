import type { TrinoConnection } from '../lakehouse/stack';
import type { TrinoSql } from '../lakehouse/trino';
import { quoteIdentifier, quoteLiteral as literal } from '../sql/quote';
import type { BronzeEntry } from './bronzeEntries';
import { APPENDED, REPLACED, silverSelects } from './bronzeSource';
import type { NessieClient } from './nessie';
import { castList, columnList, loadTrinoEntry } from './trinoBronze';
import type { LakehouseTarget, XidRange } from './types';

export type TrinoTargetOptions = {
  trino: TrinoSql;
  /** Where dbt reaches the same Trino, and as whom. */
  connection: Pick<TrinoConnection, 'url' | 'user'>;
  nessie: NessieClient;
  /**
   * The `iceberg` catalog's properties; a run's catalog takes them with
   * `iceberg.nessie-catalog.ref` set to the run's branch.
   */
  icebergProperties: Record<string, string>;
  /** The Trino catalog over the scout PostgreSQL database. Default postgresql. */
  postgresCatalog?: string;
  /** The published Nessie branch. Default main. */
  mainBranch?: string;
};

const LAYERS = ['bronze', 'silver', 'gold', 'platinum'];

/**
 * The lakehouse on Iceberg through Trino, with Nessie branches for
 * write-audit-publish: each run gets a branch off main and a Trino catalog
 * on that branch; publish merges the branch into main. The dbt project's
 * bronze entries are loaded beside the built-in tables (trinoBronze.ts).
 */
export class TrinoTarget implements LakehouseTarget {
  readonly engine = 'trino';
  #branch = '';
  #catalog = '';

  constructor(private readonly options: TrinoTargetOptions) {}

  get #main() {
    return this.options.mainBranch ?? 'main';
  }

  async begin(runId: string) {
    const { trino, nessie, icebergProperties } = this.options;
    this.#branch = `run-${runId}`;
    this.#catalog = `run_${runId.replaceAll('-', '_')}`;
    await nessie.createBranch(this.#branch, this.#main);
    const properties = {
      ...icebergProperties,
      'iceberg.nessie-catalog.ref': this.#branch,
    };
    await trino(
      `create catalog ${this.#catalog} using iceberg with (${Object.entries(
        properties,
      )
        .map(([key, value]) => `${quoteIdentifier(key)} = ${literal(value)}`)
        .join(', ')})`,
    );
    for (const layer of LAYERS) {
      await trino(`create schema if not exists ${this.#catalog}.${layer}`);
    }
    // By day, as silver: each load writes one file per day it touches (a
    // region split wrote about 17 small files per day, a third of a run).
    for (const [table, columns] of Object.entries(APPENDED)) {
      await trino(
        `create table if not exists ${
          this.#catalog
        }.bronze.${table} (${columnList(columns)})
         with (partitioning = array['sale_date'])`,
      );
    }
    return this.#branch;
  }

  async nextXid() {
    const [[next]] = await this.options.trino(
      `select coalesce(max(source_xid) + 1, 0) from ${
        this.#catalog
      }.bronze.transactions`,
    );
    return Number(next);
  }

  async loadBronze(
    range: XidRange,
    loadId: string,
    entries: readonly BronzeEntry[],
  ) {
    const pg = `${this.options.postgresCatalog ?? 'postgresql'}.scout`;
    const selects = silverSelects(pg);
    let loaded = 0;
    for (const [table, columns] of Object.entries(APPENDED)) {
      const rows = await this.options.trino(
        `insert into ${this.#catalog}.bronze.${table}
         select ${castList(columns, loadId)}
         from (${selects[table as keyof typeof APPENDED]}
               where t.source_xid >= ${range.from} and t.source_xid < ${
          range.to
        }) x`,
      );
      if (table === 'transactions') loaded = Number(rows[0]?.[0] ?? 0);
    }
    for (const [table, columns] of Object.entries(REPLACED)) {
      await this.options.trino(
        `create or replace table ${this.#catalog}.bronze.${table} as
         select ${castList(columns, loadId)}
         from (${selects[table as keyof typeof REPLACED]}) x`,
      );
    }
    for (const entry of entries) {
      await loadTrinoEntry(this.options.trino, {
        catalog: this.#catalog,
        scout: pg,
        entry,
        range,
        loadId,
      });
    }
    return loaded;
  }

  dbt() {
    const { url, user } = this.options.connection;
    const server = new URL(url);
    const scheme = server.protocol.slice(0, -1);
    // transform/profiles.yml reads these.
    return {
      target: 'trino',
      env: {
        SCOUT_TRINO_CATALOG: this.#catalog,
        SCOUT_TRINO_HOST: server.hostname,
        SCOUT_TRINO_PORT: server.port || (scheme === 'https' ? '443' : '80'),
        SCOUT_TRINO_HTTP_SCHEME: scheme,
        SCOUT_TRINO_USER: user,
      },
    };
  }

  async countRows() {
    const tables = await this.options.trino(
      `select table_schema, table_name from ${
        this.#catalog
      }.information_schema.tables
       where table_schema in (${LAYERS.map(literal).join(
         ', ',
       )}) and table_type = 'BASE TABLE'
       order by 1, 2`,
    );
    if (tables.length === 0) return {};
    const rows = await this.options.trino(
      tables
        .map(
          ([schema, table]) =>
            `select ${literal(`${schema}.${table}`)}, count(*) from ${
              this.#catalog
            }.${quoteIdentifier(String(schema))}.${quoteIdentifier(
              String(table),
            )}`,
        )
        .join(' union all '),
    );
    return Object.fromEntries(
      rows.map(([name, n]) => [String(name), Number(n)]),
    );
  }

  async publish() {
    const { nessie } = this.options;
    await nessie.merge(
      this.#branch,
      this.#main,
      `pipeline run ${this.#branch}: every dbt test passed`,
    );
  }

  async release() {
    await this.#dropCatalog();
    await this.options.nessie.deleteBranch(this.#branch);
  }

  async abandon() {
    await this.#dropCatalog();
  }

  async #dropCatalog() {
    if (this.#catalog)
      await this.options.trino(`drop catalog if exists ${this.#catalog}`);
  }
}
