import { NotFoundError } from '@backstage/errors';
import { LAKEHOUSE_IDENTIFIER } from '@internal/backstage-plugin-lakehouse-common';
import {
  createTrinoQuery,
  NessieClient,
  quoteIdentifier as quoteIdent,
  quoteLiteral as literal,
  TrinoQuery,
} from '@internal/backstage-plugin-scout-node';
import type {
  Catalog,
  Column,
  Commit,
  DiffEntry,
  Namespace,
  PartitionStats,
  Preview,
  Reference,
  Snapshot,
  TableDetail,
  TableSummary,
} from '../../schema/openapi/generated/models';
import { byLayer, changeOf, fileHealth, toCount } from '../common';
import { assertIdentifier, assertRef, assertSnapshotId } from '../sql';
import type {
  CommitsRequest,
  LakehouseEngine,
  PreviewRequest,
  TableRef,
} from '../types';
import { isOrderable, partitionSpecOf, tableCommentOf } from './ddl';
import { atBoundary } from './errors';
import { MetadataCache } from './MetadataCache';
import { RefCatalogs } from './RefCatalogs';

export type TrinoEngineOptions = {
  trino: { url: string; user: string; catalog: string };
  nessie: { url: string; defaultRef: string };
  /** The Iceberg catalog's properties; catalogs on other refs take them. */
  icebergProperties: Record<string, string>;
  targetFileBytes: number;
};

type Detail = Omit<TableDetail, 'summary' | 'description'> & {
  comment: string | null;
};

// Nessie's commit log is read in pages of this many, at most MAX_SCANNED.
const LOG_PAGE = 100;
const MAX_SCANNED = 1000;

const key = (ref: TableRef) => `${ref.namespace}.${ref.table}`;

const fq = (catalog: string, namespace: string, table: string) =>
  [catalog, namespace, table].map(quoteIdent).join('.');

/** A two-part key whose names the API can address. */
const isTable = (type: string, elements: string[]) =>
  type === 'ICEBERG_TABLE' &&
  elements.length === 2 &&
  elements.every(k => LAKEHOUSE_IDENTIFIER.test(k));

function summaryOf(
  namespace: string,
  name: string,
  row: unknown[] | undefined,
): TableSummary {
  // A table without snapshots has no rows, files or update yet.
  const [, at, records, bytes, files] = row ?? [];
  return {
    namespace,
    name,
    rowCount: toCount(records),
    sizeBytes: toCount(bytes),
    fileCount: toCount(files),
    lastUpdated: at ? new Date(String(at)) : null,
  };
}

function asStrings(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) {
    throw new Error(`Trino returned a partition that is not a row: ${value}`);
  }
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, v === null ? 'null' : String(v)]),
  );
}

/**
 * The Iceberg lakehouse: Nessie says which tables exist on a reference and
 * where their current metadata is; Trino reads the Iceberg metadata tables
 * ($snapshots, $history, $files, $partitions, $properties) and the rows.
 * Metadata is cached per table until its metadata file changes.
 */
export class TrinoEngine implements LakehouseEngine {
  readonly catalog: Catalog;
  readonly #query: TrinoQuery;
  readonly #nessie: NessieClient;
  readonly #cache = new MetadataCache();
  readonly #refCatalogs: RefCatalogs;

  static create(options: TrinoEngineOptions): TrinoEngine {
    return new TrinoEngine(options);
  }

  private constructor(private readonly options: TrinoEngineOptions) {
    this.catalog = {
      name: options.trino.catalog,
      engine: 'trino',
      defaultRef: options.nessie.defaultRef,
    };
    this.#query = createTrinoQuery({
      server: options.trino.url,
      user: options.trino.user,
      source: 'scout-lakehouse',
    });
    this.#nessie = new NessieClient(options.nessie.url);
    this.#refCatalogs = new RefCatalogs(
      async sql => (await this.#query(sql)).rows,
      options.trino.catalog,
      ref => ({
        ...options.icebergProperties,
        'iceberg.nessie-catalog.ref': ref,
      }),
    );
  }

  get #defaultRef() {
    return this.options.nessie.defaultRef;
  }

  listNamespaces(): Promise<Namespace[]> {
    return atBoundary(async () => {
      const counts = new Map<string, number>();
      for (const entry of await this.#nessie.entries(this.#defaultRef)) {
        const [namespace] = entry.key;
        if (!LAKEHOUSE_IDENTIFIER.test(namespace)) continue;
        if (entry.type === 'NAMESPACE' && entry.key.length === 1) {
          counts.set(namespace, counts.get(namespace) ?? 0);
        } else if (isTable(entry.type, entry.key)) {
          counts.set(namespace, (counts.get(namespace) ?? 0) + 1);
        }
      }
      return [...counts.keys()]
        .sort(byLayer)
        .map(name => ({ name, tableCount: counts.get(name)! }));
    });
  }

  listTables(namespace: string): Promise<TableSummary[]> {
    return atBoundary(async () => {
      assertIdentifier('namespace', namespace);
      const entries = await this.#nessie.entries(this.#defaultRef, [namespace]);
      if (entries.length === 0) {
        throw new NotFoundError(
          `No namespace ${namespace} in catalog ${this.catalog.name}`,
        );
      }
      const tables = entries
        .filter(e => isTable(e.type, e.key) && e.key[0] === namespace)
        .flatMap(e => {
          const location = e.content?.metadataLocation;
          return location ? [{ table: e.key[1], location }] : [];
        })
        .sort((a, b) => a.table.localeCompare(b.table));
      return this.#summaries(namespace, tables);
    });
  }

  getTable(ref: TableRef): Promise<TableDetail> {
    return atBoundary(async () => {
      const location = await this.#location(this.#defaultRef, ref);
      const [[summary], { comment, ...detail }] = await Promise.all([
        this.#summaries(ref.namespace, [{ table: ref.table, location }]),
        this.#detail(ref, location),
      ]);
      return { summary, description: comment, ...detail };
    });
  }

  listSnapshots(ref: TableRef): Promise<Snapshot[]> {
    return atBoundary(async () => {
      const location = await this.#location(this.#defaultRef, ref);
      return this.#cache.get(key(ref), location, 'snapshots', async () => {
        const snapshots = this.#fq(ref, '$snapshots');
        const history = this.#fq(ref, '$history');
        const { rows } = await this.#query(
          `select cast(s.snapshot_id as varchar), cast(s.parent_id as varchar),
             to_iso8601(s.committed_at), s.operation, s.summary,
             coalesce(h.is_current_ancestor, false)
           from ${snapshots} s left join ${history} h on h.snapshot_id = s.snapshot_id
           order by s.committed_at desc`,
        );
        return rows.map(
          ([id, parent, at, operation, summary, ancestor]): Snapshot => ({
            snapshotId: String(id),
            parentId: parent === null ? null : String(parent),
            committedAt: new Date(String(at)),
            operation: operation === null ? null : String(operation),
            isCurrentAncestor: Boolean(ancestor),
            summary: (summary ?? {}) as Record<string, string>,
          }),
        );
      });
    });
  }

  listPartitions(ref: TableRef) {
    return atBoundary(async () => {
      const location = await this.#location(this.#defaultRef, ref);
      const detail = await this.#detail(ref, location);
      const items = await this.#cache.get(
        key(ref),
        location,
        'partitions',
        async (): Promise<PartitionStats[]> => {
          const partitions = this.#fq(ref, '$partitions');
          if (detail.partitionSpec.length === 0) {
            const { rows } = await this.#query(
              `select record_count, file_count, total_size from ${partitions}`,
            );
            return rows.map(([records, files, bytes]) => ({
              partition: {},
              recordCount: toCount(records) ?? 0,
              fileCount: toCount(files) ?? 0,
              totalBytes: toCount(bytes) ?? 0,
            }));
          }
          const { rows } = await this.#query(
            `select json_format(cast(partition as json)), record_count, file_count, total_size
             from ${partitions} order by 1`,
          );
          return rows.map(([partition, records, files, bytes]) => ({
            partition: asStrings(JSON.parse(String(partition))),
            recordCount: toCount(records) ?? 0,
            fileCount: toCount(files) ?? 0,
            totalBytes: toCount(bytes) ?? 0,
          }));
        },
      );
      return { health: detail.health, items };
    });
  }

  listCommits(request: CommitsRequest): Promise<Commit[]> {
    return atBoundary(async () => {
      const ref = assertRef(request.ref ?? this.#defaultRef);
      const wanted = key(request);
      const commits: Commit[] = [];
      let pageToken: string | undefined;
      for (let scanned = 0; scanned < MAX_SCANNED; scanned += LOG_PAGE) {
        const page = await this.#nessie.commitLog(ref, {
          maxRecords: LOG_PAGE,
          pageToken,
        });
        for (const entry of page.entries) {
          if (!entry.keys.some(k => k.join('.') === wanted)) continue;
          commits.push({
            hash: entry.hash,
            message: entry.message,
            author: entry.author,
            committedAt: entry.committedAt ? new Date(entry.committedAt) : null,
          });
          if (commits.length === request.limit) return commits;
        }
        pageToken = page.nextPageToken;
        if (!pageToken) break;
      }
      return commits;
    });
  }

  preview(request: PreviewRequest): Promise<Preview> {
    return atBoundary(async () => {
      const ref = assertRef(request.ref ?? this.#defaultRef);
      const snapshot =
        request.snapshot === undefined
          ? undefined
          : assertSnapshotId(request.snapshot);
      // Nessie first: an unknown reference or table is a 404 before any
      // catalog is made for it.
      const location = await this.#location(ref, request);
      const catalog =
        ref === this.#defaultRef
          ? this.catalog.name
          : await this.#refCatalogs.catalogFor(ref);
      const columns = await this.#cache.get(
        `${ref}|${key(request)}`,
        location,
        'columns',
        () => this.#columns(catalog, request),
      );
      const order = columns
        .filter(c => isOrderable(c.type))
        .map(c => quoteIdent(c.name));
      // Ordered by every column so that pages neither overlap nor skip.
      const result = await this.#query(
        `select * from ${fq(catalog, request.namespace, request.table)}${
          snapshot ? ` for version as of bigint '${snapshot}'` : ''
        }${order.length ? ` order by ${order.join(', ')}` : ''}
         offset ${request.offset} limit ${request.limit + 1}`,
        { user: request.user },
      );
      return {
        columns: result.columns,
        rows: result.rows.slice(0, request.limit),
        offset: request.offset,
        limit: request.limit,
        hasMore: result.rows.length > request.limit,
      };
    });
  }

  listRefs(): Promise<Reference[]> {
    return atBoundary(async () => {
      const refs = await this.#nessie.listReferences();
      const isDefault = (r: { name: string }) => r.name === this.#defaultRef;
      return refs
        .sort(
          (a, b) =>
            Number(isDefault(b)) - Number(isDefault(a)) ||
            a.type.localeCompare(b.type) ||
            a.name.localeCompare(b.name),
        )
        .map(({ name, type, hash }) => ({ name, type, hash }));
    });
  }

  diff(from: string, to: string): Promise<DiffEntry[]> {
    return atBoundary(async () => {
      assertRef(from);
      assertRef(to);
      const entries: DiffEntry[] = [];
      for (const d of await this.#nessie.diff(from, to)) {
        if (d.key.length < 2) continue;
        const wasTable = d.from?.type === 'ICEBERG_TABLE';
        const isNowTable = d.to?.type === 'ICEBERG_TABLE';
        if (!wasTable && !isNowTable) continue;
        entries.push({
          namespace: d.key.slice(0, -1).join('.'),
          table: d.key[d.key.length - 1],
          change: changeOf(wasTable, isNowTable),
        });
      }
      return entries.sort(
        (a, b) =>
          byLayer(a.namespace, b.namespace) || a.table.localeCompare(b.table),
      );
    });
  }

  async probe(): Promise<string | undefined> {
    const checks = [
      ['Trino', `${this.options.trino.url}/v1/info`],
      ['Nessie', `${this.options.nessie.url}/config`],
    ];
    for (const [name, url] of checks) {
      const answer = await fetch(url, { signal: AbortSignal.timeout(3000) })
        .then(r => (r.ok ? undefined : `answered ${r.status}`))
        .catch((e: Error) => e.message);
      if (answer) {
        return `${name} at ${url} ${answer}; the lakehouse routes answer 503 until it is up: start the stack with ./scripts/yarn scout stack up`;
      }
    }
    return undefined;
  }

  async close(): Promise<void> {
    await this.#refCatalogs.dropAll().catch(() => {});
  }

  /** The table's current metadata file on `ref`; 404 when there is none. */
  async #location(ref: string, table: TableRef): Promise<string> {
    assertIdentifier('namespace', table.namespace);
    assertIdentifier('table', table.table);
    const content = await this.#nessie.content(ref, [
      table.namespace,
      table.table,
    ]);
    if (content.type !== 'ICEBERG_TABLE' || !content.metadataLocation) {
      throw new NotFoundError(
        `${table.namespace}.${table.table} on ${ref} is not an Iceberg table`,
      );
    }
    return content.metadataLocation;
  }

  #fq(ref: TableRef, metadataTable = '') {
    return fq(this.catalog.name, ref.namespace, `${ref.table}${metadataTable}`);
  }

  /**
   * Row count, size, file count and last update of each table, from its
   * current snapshot. Tables not in the cache are read in one statement.
   */
  #summaries(
    namespace: string,
    tables: { table: string; location: string }[],
  ): Promise<TableSummary[]> {
    const missing = tables.filter(
      ({ table, location }) =>
        !this.#cache.has(key({ namespace, table }), location, 'summary'),
    );
    const loaded = missing.length
      ? this.#query(
          missing
            .map(({ table }) => {
              const ref = { namespace, table };
              return `(select ${literal(table)}, to_iso8601(s.committed_at),
                  element_at(s.summary, 'total-records'),
                  element_at(s.summary, 'total-files-size'),
                  element_at(s.summary, 'total-data-files')
                from ${this.#fq(ref, '$snapshots')} s
                join ${this.#fq(
                  ref,
                  '$history',
                )} h on h.snapshot_id = s.snapshot_id
                order by h.made_current_at desc limit 1)`;
            })
            .join(' union all '),
        ).then(({ rows }) => new Map(rows.map(row => [String(row[0]), row])))
      : undefined;
    return Promise.all(
      tables.map(({ table, location }) =>
        this.#cache.get(
          key({ namespace, table }),
          location,
          'summary',
          async () => summaryOf(namespace, table, (await loaded!).get(table)),
        ),
      ),
    );
  }

  #detail(ref: TableRef, location: string): Promise<Detail> {
    return this.#cache.get(key(ref), location, 'detail', async () => {
      const [columns, comments, ddl, properties, files] = await Promise.all([
        this.#columns(this.catalog.name, ref),
        this.#query(`describe ${this.#fq(ref)}`),
        this.#query(`show create table ${this.#fq(ref)}`),
        this.#query(`select key, value from ${this.#fq(ref, '$properties')}`),
        this.#query(
          `with target as (
             select coalesce(max(try_cast(value as bigint)), bigint '${Math.round(
               this.options.targetFileBytes,
             )}') as bytes
             from ${this.#fq(ref, '$properties')}
             where key = 'write.target-file-size-bytes')
           select count(f.file_path), coalesce(sum(f.file_size_in_bytes), 0),
             count_if(f.file_size_in_bytes < t.bytes / 4), t.bytes
           from target t left join ${this.#fq(ref, '$files')} f on f.content = 0
           group by t.bytes`,
        ),
      ]);
      const comment = new Map(
        comments.rows.map(([name, , , text]) => [String(name), text]),
      );
      const createTable = String(ddl.rows[0]?.[0] ?? '');
      const [fileCount, totalBytes, smallFileCount, target] = files.rows[0];
      return {
        comment: tableCommentOf(createTable),
        columns: columns.map(c => ({
          ...c,
          comment: (comment.get(c.name) as string) || null,
        })),
        partitionSpec: partitionSpecOf(createTable),
        properties: Object.fromEntries(
          properties.rows.map(([k, v]) => [String(k), String(v)]),
        ),
        health: fileHealth({
          fileCount: toCount(fileCount) ?? 0,
          totalBytes: toCount(totalBytes) ?? 0,
          smallFileCount: toCount(smallFileCount) ?? 0,
          targetFileBytes: toCount(target) ?? this.options.targetFileBytes,
        }),
      };
    });
  }

  /** Names, types and nullability, in table order. */
  async #columns(catalog: string, ref: TableRef): Promise<Column[]> {
    const { rows } = await this.#query(
      `select column_name, data_type, is_nullable
       from ${quoteIdent(catalog)}.information_schema.columns
       where table_schema = ${literal(ref.namespace)}
         and table_name = ${literal(ref.table)}
       order by ordinal_position`,
    );
    if (rows.length === 0) {
      throw new NotFoundError(
        `No table ${ref.namespace}.${ref.table} in catalog ${catalog}`,
      );
    }
    return rows.map(([name, type, nullable]) => ({
      name: String(name),
      type: String(type),
      nullable: nullable !== 'NO',
      comment: null,
    }));
  }
}
