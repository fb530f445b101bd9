import type { Knex } from 'knex';

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

// The upsert keeps the newer of the stored schema and the one it brings.
const NEWER_SCHEMA = `excluded.schema_event_time is not null and
  (lineage_datasets.schema_event_time is null
   or excluded.schema_event_time >= lineage_datasets.schema_event_time)`;

/**
 * Upserts datasets, a statement per 200 (sorted, so concurrent writers take
 * locks in the same order); their ids by datasetKey. A ref's `schema`
 * becomes the dataset's current schema when no newer one is stored (the
 * newest of a batch's for one dataset), in the same statement.
 */
export async function upsertDatasets(
  tx: Tx,
  refs: { namespace: string; name: string; schema?: SchemaSnapshot }[],
  now: string,
): Promise<Map<string, number>> {
  const byKey = new Map<string, (typeof refs)[number]>();
  for (const r of refs) {
    const k = datasetKey(r.namespace, r.name);
    const before = byKey.get(k)?.schema;
    if (
      !byKey.has(k) ||
      (r.schema && (!before || before.eventTime <= r.schema.eventTime))
    ) {
      byKey.set(k, r);
    }
  }
  const unique = [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, r]) => ({
      namespace: r.namespace,
      name: r.name,
      updated_at: now,
      schema_fields: r.schema ? JSON.stringify(r.schema.fields) : null,
      schema_event_time: r.schema?.eventTime ?? null,
    }));
  const ids = new Map<string, number>();
  for (const chunk of chunks(unique, 200)) {
    // RETURNING gives the ids of inserted and existing rows alike.
    const rows: { id: number; namespace: string; name: string }[] = await tx(
      'lineage_datasets',
    )
      .insert(chunk)
      .onConflict(['namespace', 'name'])
      .merge({
        updated_at: tx.raw('excluded.updated_at'),
        schema_fields: tx.raw(
          `case when ${NEWER_SCHEMA} then excluded.schema_fields else lineage_datasets.schema_fields end`,
        ),
        schema_event_time: tx.raw(
          `case when ${NEWER_SCHEMA} then excluded.schema_event_time else lineage_datasets.schema_event_time end`,
        ),
      })
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
    // or newly typed.
    const stored: {
      id: number;
      dataset_id: number;
      name: string;
      type: string | null;
    }[] = await tx('lineage_fields')
      .whereIn(
        ['dataset_id', 'name'],
        chunk.map(r => [r.dataset_id, r.name]),
      )
      .select('id', 'dataset_id', 'name', 'type');
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
