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

/**
 * Upserts datasets, a statement per 200 (sorted, so concurrent writers take
 * locks in the same order); their ids by datasetKey.
 */
export async function upsertDatasets(
  tx: Tx,
  refs: { namespace: string; name: string }[],
  now: string,
): Promise<Map<string, number>> {
  const unique = [
    ...new Map(refs.map(r => [datasetKey(r.namespace, r.name), r])).entries(),
  ]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, r]) => ({ namespace: r.namespace, name: r.name }));
  const ids = new Map<string, number>();
  for (const chunk of chunks(unique, 200)) {
    await tx('lineage_datasets')
      .insert(chunk.map(r => ({ ...r, updated_at: now })))
      .onConflict(['namespace', 'name'])
      .merge(['updated_at']);
    const rows: { id: number; namespace: string; name: string }[] = await tx(
      'lineage_datasets',
    )
      .whereIn(
        ['namespace', 'name'],
        chunk.map(r => [r.namespace, r.name]),
      )
      .select('id', 'namespace', 'name');
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
  for (const chunk of chunks(rows, 200)) {
    const typed = chunk.filter(r => r.type);
    const untyped = chunk.filter(r => !r.type);
    if (typed.length) {
      await tx('lineage_fields')
        .insert(typed)
        .onConflict(['dataset_id', 'name'])
        .merge(['type']);
    }
    if (untyped.length) {
      await tx('lineage_fields')
        .insert(untyped)
        .onConflict(['dataset_id', 'name'])
        .ignore();
    }
    const found: { id: number; dataset_id: number; name: string }[] = await tx(
      'lineage_fields',
    )
      .whereIn(
        ['dataset_id', 'name'],
        chunk.map(r => [r.dataset_id, r.name]),
      )
      .select('id', 'dataset_id', 'name');
    found.forEach(r => ids.set(`${r.dataset_id}${SEP}${r.name}`, r.id));
  }
  return ids;
}
