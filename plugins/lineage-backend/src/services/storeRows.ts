import type { Knex } from 'knex';
import { searchKey } from './searchKey';
import type { DatasetName } from './lifecycle';
import type { LastWrite, Owner } from './runEvent';

type Tx = Knex.Transaction;

export const SEP = '\u0000';

/** A dataset's key in the maps below: namespace and name. */
export const datasetKey = (namespace: string, name: string) =>
  `${namespace}${SEP}${name}`;

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/** A dataset's fields as a schema facet lists them, at the event's time. */
export type SchemaSnapshot = {
  fields: { name: string; type: string | null }[];
  eventTime: string;
};
/** A dataset's owners as an ownership facet lists them, at the event's time. */
export type OwnersSnapshot = { owners: Owner[]; eventTime: string };
/**
 * What an event did to a dataset: its lifecycleStateChange (DROP,
 * TRUNCATE, …), null for a plain write; at the event's time. A rename
 * leaves the old name the new one (renamedTo).
 */
export type LifecycleSnapshot = {
  state: string | null;
  eventTime: string;
  renamedTo?: DatasetName;
};
/**
 * Where a dataset an event wrote came from: a RENAME's old name, null for
 * any other write; at the event's time.
 */
export type OriginSnapshot = {
  renamedFrom: DatasetName | null;
  eventTime: string;
};
/** The newest event that wrote a dataset, at its time. */
export type LastWriteSnapshot = { write: LastWrite; eventTime: string };

/** What a dataset ref may bring besides its name: facts as of its event. */
type Snapshots = {
  schema?: SchemaSnapshot;
  owners?: OwnersSnapshot;
  lifecycle?: LifecycleSnapshot;
  origin?: OriginSnapshot;
  lastWrite?: LastWriteSnapshot;
};
type DatasetUpsert = { namespace: string; name: string } & Snapshots;

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/**
 * Where lineage_datasets keeps each snapshot: its time column, and its
 * value columns, which change together.
 */
const STORED: {
  [K in keyof Snapshots]-?: {
    time: string;
    columns: Record<string, (s: NonNullable<Snapshots[K]>) => string | null>;
  };
} = {
  schema: {
    time: 'schema_event_time',
    columns: { schema_fields: s => JSON.stringify(s.fields) },
  },
  owners: {
    time: 'owners_event_time',
    columns: { owners: s => JSON.stringify(s.owners) },
  },
  lifecycle: {
    time: 'lifecycle_event_time',
    columns: {
      lifecycle_state: s => s.state,
      renamed_to: s => json(s.renamedTo),
    },
  },
  origin: {
    time: 'renamed_from_event_time',
    columns: { renamed_from: s => json(s.renamedFrom ?? undefined) },
  },
  lastWrite: {
    time: 'last_write_event_time',
    columns: { last_write: s => JSON.stringify(s.write) },
  },
};
const KINDS = Object.keys(STORED) as (keyof Snapshots)[];

/**
 * SQL for the upsert to keep the newer of a stored snapshot's `column` (as
 * of `time`) and the one it brings. Both names are STORED's constants.
 */
function newer(column: string, time: string) {
  const fresher = `excluded.${time} is not null and
  (lineage_datasets.${time} is null or excluded.${time} >= lineage_datasets.${time})`;
  return `case when ${fresher} then excluded.${column} else lineage_datasets.${column} end`;
}

/** The newer of two snapshots (the second on a tie); either may be missing. */
const newest = <T extends { eventTime: string }>(a?: T, b?: T) =>
  !a || (b && a.eventTime <= b.eventTime) ? b ?? a : a;

/**
 * Upserts datasets, a statement per 200 (sorted, so concurrent writers take
 * locks in the same order); their ids by datasetKey. A ref's snapshots
 * (schema, owners, lifecycle, origin, last write) become the dataset's current
 * ones when no newer ones are stored (the newest of a batch's for one
 * dataset), in the same statement.
 */
export async function upsertDatasets(
  tx: Tx,
  refs: DatasetUpsert[],
  now: string,
): Promise<Map<string, number>> {
  const byKey = new Map<string, DatasetUpsert>();
  for (const r of refs) {
    const k = datasetKey(r.namespace, r.name);
    const before = byKey.get(k);
    const merged: DatasetUpsert = { namespace: r.namespace, name: r.name };
    for (const kind of KINDS) {
      Object.assign(merged, { [kind]: newest(before?.[kind], r[kind]) });
    }
    byKey.set(k, merged);
  }
  const unique = [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, r]) => {
      const row: Record<string, string | null> = {
        namespace: r.namespace,
        name: r.name,
        search_name: searchKey(r.name),
        updated_at: now,
      };
      for (const kind of KINDS) {
        const snapshot = r[kind];
        const { columns, time } = STORED[kind];
        for (const [column, value] of Object.entries(columns)) {
          row[column] = snapshot
            ? (value as (s: object) => string | null)(snapshot)
            : null;
        }
        row[time] = snapshot?.eventTime ?? null;
      }
      return row;
    });
  const merge: Record<string, Knex.Raw> = {
    updated_at: tx.raw('excluded.updated_at'),
  };
  for (const { columns, time } of Object.values(STORED)) {
    for (const column of Object.keys(columns)) {
      merge[column] = tx.raw(newer(column, time));
    }
    merge[time] = tx.raw(newer(time, time));
  }
  const ids = new Map<string, number>();
  for (const chunk of chunks(unique, 200)) {
    // RETURNING gives the ids of inserted and existing rows alike.
    const rows: { id: number; namespace: string; name: string }[] = await tx(
      'lineage_datasets',
    )
      .insert(chunk)
      .onConflict(['namespace', 'name'])
      .merge(merge)
      .returning(['id', 'namespace', 'name']);
    rows.forEach(r => ids.set(datasetKey(r.namespace, r.name), r.id));
  }
  return ids;
}

/**
 * Upserts fields (a known type replaces a stored one; an unknown type
 * leaves it); their ids by `<dataset id>\0<field>`.
 */
export async function upsertFields(
  tx: Tx,
  datasets: Map<string, number>,
  fields: {
    dataset: { namespace: string; name: string };
    name: string;
    type: string | null;
  }[],
): Promise<Map<string, number>> {
  const byKey = new Map<
    string,
    { dataset_id: number; name: string; type: string | null }
  >();
  for (const f of fields) {
    const datasetId = datasets.get(
      datasetKey(f.dataset.namespace, f.dataset.name),
    )!;
    const k = `${datasetId}${SEP}${f.name}`;
    if (!byKey.has(k) || f.type) {
      byKey.set(k, { dataset_id: datasetId, name: f.name, type: f.type });
    }
  }
  const rows = [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, r]) => r);
  const ids = new Map<string, number>();
  const key = (r: { dataset_id: number; name: string }) =>
    `${r.dataset_id}${SEP}${r.name}`;
  for (const chunk of chunks(rows, 200)) {
    // Most fields are there already: read them, and write only what is new
    // or newly typed. Two IN lists, not one of (dataset, name) pairs: a
    // planner takes that as an OR of one index probe per pair, which cost
    // PostgreSQL a millisecond of planning a batch. The lists may match
    // pairs not asked for (at most other fields of the same datasets).
    const wanted = new Set(chunk.map(key));
    const stored: {
      id: number;
      dataset_id: number;
      name: string;
      type: string | null;
    }[] = (
      await tx('lineage_fields')
        .whereIn('dataset_id', [...new Set(chunk.map(r => r.dataset_id))])
        .whereIn('name', [...new Set(chunk.map(r => r.name))])
        .select('id', 'dataset_id', 'name', 'type')
    ).filter((r: { dataset_id: number; name: string }) => wanted.has(key(r)));
    const have = new Map(stored.map(r => [key(r), r]));
    stored.forEach(r => ids.set(key(r), r.id));
    const missing = chunk.filter(r => !have.has(key(r)));
    for (const [fresh, merge] of [
      // A writer in between may have added some: the conflict then keeps its
      // row (and takes a known type), and RETURNING still gives the id.
      [missing.filter(r => r.type), 'type'],
      [missing.filter(r => !r.type), 'name'],
    ] as const) {
      if (!fresh.length) continue;
      const inserted: { id: number; dataset_id: number; name: string }[] =
        await tx('lineage_fields')
          .insert(fresh)
          .onConflict(['dataset_id', 'name'])
          .merge([merge])
          .returning(['id', 'dataset_id', 'name']);
      inserted.forEach(r => ids.set(key(r), r.id));
    }
    for (const r of chunk) {
      const before = have.get(key(r));
      if (before && r.type && before.type !== r.type) {
        await tx('lineage_fields')
          .where('id', before.id)
          .update({ type: r.type });
      }
    }
  }
  return ids;
}
