import { DuckDBInstance, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { existsSync } from 'node:fs';
import type {
  Catalog,
  Commit,
  DiffEntry,
  Namespace,
  Preview,
  Reference,
  Snapshot,
  TableDetail,
  TableSummary,
} from '../../schema/openapi/generated/models';
import { byLayer, changeOf, fileHealth, toCount } from '../common';
import { assertIdentifier, assertRef } from '../sql';
import type {
  CommitsRequest,
  LakehouseEngine,
  PreviewRequest,
  TableRef,
} from '../types';
import {
  namespacesOn,
  ParquetTable,
  rootsOf,
  runRefs,
  tableOn,
  tablesOn,
} from './layout';
import { headRun, runCommits } from './runCommits';

export type DuckdbEngineOptions = {
  /** The lakehouse folder the scout pipeline writes. */
  dir: string;
  targetFileBytes: number;
};

type Result = { columns: { name: string; type: string }[]; rows: unknown[][] };

const INTEGERS = new Set(['BIGINT', 'UBIGINT', 'HUGEINT', 'UHUGEINT']);

/** 64-bit integers come as text; small ones become numbers, as from Trino. */
function json(value: unknown, type: string): unknown {
  if (typeof value === 'string' && INTEGERS.has(type)) {
    const n = Number(value);
    if (Number.isSafeInteger(n)) return n;
  }
  return value;
}

function summaryOf(
  table: ParquetTable,
  rows: Map<string, number>,
): TableSummary {
  return {
    namespace: table.namespace,
    name: table.table,
    rowCount: table.files.reduce((n, f) => n + (rows.get(f.path) ?? 0), 0),
    sizeBytes: table.files.reduce((n, f) => n + f.bytes, 0),
    fileCount: table.files.length,
    lastUpdated: new Date(
      Math.max(...table.files.map(f => f.modified.getTime())),
    ),
  };
}

/**
 * The embedded lakehouse: the Parquet files of the DuckDB pipeline, read
 * with an in-memory DuckDB. Layers are folders, tables are files (or
 * folders of files); there are no snapshots, each published run is a
 * commit (the pipeline's commit log), and the only references are main and
 * the folders that failed runs left.
 */
export class DuckdbEngine implements LakehouseEngine {
  readonly catalog: Catalog = {
    name: 'lakehouse',
    engine: 'duckdb',
    defaultRef: 'main',
  };

  static async create(options: DuckdbEngineOptions): Promise<DuckdbEngine> {
    // Two threads: the machine is shared with the backend and the pipeline.
    const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
    return new DuckdbEngine(options, instance);
  }

  private constructor(
    private readonly options: DuckdbEngineOptions,
    private readonly instance: DuckDBInstance,
  ) {}

  async listNamespaces(): Promise<Namespace[]> {
    const main = [this.options.dir];
    const counts = await Promise.all(
      (
        await namespacesOn(main)
      ).map(async name => ({
        name,
        tableCount: (await tablesOn(main, name)).length,
      })),
    );
    return counts.sort((a, b) => byLayer(a.name, b.name));
  }

  async listTables(namespace: string): Promise<TableSummary[]> {
    assertIdentifier('namespace', namespace);
    const main = [this.options.dir];
    if (!(await namespacesOn(main)).includes(namespace)) {
      throw new NotFoundError(
        `No namespace ${namespace} in the lakehouse at ${this.options.dir}`,
      );
    }
    const tables = await tablesOn(main, namespace);
    const rows = await this.#rowCounts(tables.flatMap(t => t.files));
    return tables.map(t => summaryOf(t, rows));
  }

  async getTable(ref: TableRef): Promise<TableDetail> {
    const table = await this.#table('main', ref);
    const files = table.files.map(f => f.path);
    const [described, schema, metadata, rows] = await Promise.all([
      this.#sql('describe select * from read_parquet($1)', files),
      this.#sql(
        'select name, repetition_type from parquet_schema($1)',
        files.slice(0, 1),
      ),
      this.#sql(
        'select created_by, format_version from parquet_file_metadata($1) limit 1',
        files.slice(0, 1),
      ),
      this.#rowCounts(table.files),
    ]);
    const optional = new Map<string, boolean>();
    for (const [name, repetition] of schema.rows) {
      if (!optional.has(String(name))) {
        optional.set(String(name), repetition !== 'REQUIRED');
      }
    }
    const [createdBy, formatVersion] = metadata.rows[0] ?? [];
    return {
      summary: summaryOf(table, rows),
      description: null,
      columns: described.rows.map(([name, type]) => ({
        name: String(name),
        type: String(type),
        nullable: optional.get(String(name)) ?? true,
        comment: null,
      })),
      partitionSpec: [],
      properties: {
        format: 'parquet',
        location: table.location,
        'parquet.created-by': String(createdBy ?? ''),
        'parquet.format-version': String(formatVersion ?? ''),
      },
      health: this.#health(table),
    };
  }

  async listSnapshots(ref: TableRef): Promise<Snapshot[]> {
    await this.#table('main', ref);
    return [];
  }

  async listPartitions(ref: TableRef) {
    const table = await this.#table('main', ref);
    const rows = await this.#rowCounts(table.files);
    const health = this.#health(table);
    return {
      health,
      // Unpartitioned: one partition with everything, as Iceberg reports it.
      items: [
        {
          partition: {},
          recordCount: table.files.reduce(
            (n, f) => n + (rows.get(f.path) ?? 0),
            0,
          ),
          fileCount: health.fileCount,
          totalBytes: health.totalBytes,
        },
      ],
    };
  }

  /** The published pipeline runs that wrote the table, newest first. */
  async listCommits(request: CommitsRequest): Promise<Commit[]> {
    await this.#table(request.ref ?? 'main', request);
    return runCommits(this.options.dir, request);
  }

  async preview(request: PreviewRequest): Promise<Preview> {
    if (request.snapshot !== undefined) {
      throw new InputError(
        'Time travel needs Iceberg snapshots; the DuckDB lakehouse keeps only the current Parquet files. Browse the Trino catalog (lakehouse.engine: trino) to read an older snapshot.',
      );
    }
    const table = await this.#table(request.ref ?? 'main', request);
    // Ordered by every column so that pages neither overlap nor skip.
    const result = await this.#sql(
      `select * from read_parquet($1) order by all limit ${
        request.limit + 1
      } offset ${request.offset}`,
      table.files.map(f => f.path),
    );
    return {
      columns: result.columns,
      rows: result.rows.slice(0, request.limit),
      offset: request.offset,
      limit: request.limit,
      hasMore: result.rows.length > request.limit,
    };
  }

  /** main, headed by the last published run, then the failed runs' folders. */
  async listRefs(): Promise<Reference[]> {
    return [
      {
        name: 'main',
        type: 'BRANCH' as const,
        hash: await headRun(this.options.dir),
      },
      ...(await runRefs(this.options.dir)).map(name => ({
        name,
        type: 'BRANCH' as const,
        hash: null,
      })),
    ];
  }

  /**
   * Tables whose files differ between two references: on DuckDB a run
   * changes the tables it staged; a rewritten file counts as a change.
   */
  async diff(from: string, to: string): Promise<DiffEntry[]> {
    const [before, after] = await Promise.all(
      [from, to].map(async ref => this.#fingerprints(assertRef(ref))),
    );
    const entries: DiffEntry[] = [];
    for (const name of new Set([...before.keys(), ...after.keys()])) {
      const [namespace, table] = name.split('.');
      const [was, is] = [before.get(name), after.get(name)];
      if (was === is) continue;
      entries.push({
        namespace,
        table,
        change: changeOf(Boolean(was), Boolean(is)),
      });
    }
    return entries.sort(
      (a, b) =>
        byLayer(a.namespace, b.namespace) || a.table.localeCompare(b.table),
    );
  }

  async probe(): Promise<string | undefined> {
    return existsSync(this.options.dir)
      ? undefined
      : `the lakehouse folder ${this.options.dir} does not exist yet; the scout pipeline builds it (POST /api/scout/pipeline/runs or its schedule)`;
  }

  async close(): Promise<void> {
    this.instance.closeSync();
  }

  async #table(ref: string, table: TableRef): Promise<ParquetTable> {
    assertIdentifier('namespace', table.namespace);
    assertIdentifier('table', table.table);
    const roots = await rootsOf(this.options.dir, assertRef(ref));
    return tableOn(roots, table.namespace, table.table);
  }

  #health(table: ParquetTable) {
    const target = this.options.targetFileBytes;
    return fileHealth({
      fileCount: table.files.length,
      totalBytes: table.files.reduce((n, f) => n + f.bytes, 0),
      smallFileCount: table.files.filter(f => f.bytes < target / 4).length,
      targetFileBytes: target,
    });
  }

  /** Rows per file, from the Parquet footers (no data is read). */
  async #rowCounts(files: ParquetTable['files']): Promise<Map<string, number>> {
    if (files.length === 0) return new Map();
    const { rows } = await this.#sql(
      'select file_name, num_rows from parquet_file_metadata($1)',
      files.map(f => f.path),
    );
    return new Map(rows.map(([file, n]) => [String(file), toCount(n) ?? 0]));
  }

  /** `namespace.table` -> its files' names, inodes and sizes, on `ref`. */
  async #fingerprints(ref: string): Promise<Map<string, string>> {
    const roots = await rootsOf(this.options.dir, ref);
    const prints = new Map<string, string>();
    for (const namespace of await namespacesOn(roots)) {
      for (const t of await tablesOn(roots, namespace)) {
        prints.set(
          `${namespace}.${t.table}`,
          t.files.map(f => `${f.name}:${f.inode}:${f.bytes}`).join('|'),
        );
      }
    }
    return prints;
  }

  /** One statement; `$1` is bound to the list of file paths. */
  async #sql(sql: string, files: string[]): Promise<Result> {
    const connection = await this.instance.connect();
    try {
      const reader = await connection.runAndReadAll(
        sql,
        [listValue(files)],
        [LIST(VARCHAR)],
      );
      const types = reader.columnTypes().map(t => t.toString());
      return {
        columns: reader
          .columnNames()
          .map((name, i) => ({ name, type: types[i] })),
        rows: reader
          .getRowsJson()
          .map(row => row.map((v, i) => json(v, types[i]))),
      };
    } finally {
      connection.closeSync();
    }
  }
}
