import { randomUUID } from 'node:crypto';

/** Models per layer of the generated project: 500 in all. */
const LAYERS: [string, number][] = [
  ['bronze', 100],
  ['silver', 150],
  ['gold', 150],
  ['platinum', 100],
];
export const COLUMNS = 8;
/** The namespace of every generated dataset and job. */
export const BENCH_NAMESPACE = 'trino://bench:8080';

export type Model = { name: string; inputs: string[] };

/**
 * A layered dbt-like project: each bronze model reads one source table,
 * each later model two models of the layer before, and column i of a model
 * comes from column i of each input. The inputs are chosen by a fixed
 * stride (model i reads i and 7i + 3), so every run builds the same graph,
 * of many components of about 50 datasets; `connected`: model i reads i
 * and i + 1, so the whole project is one graph, which a reader can expand
 * node by node to all of it.
 */
export function project(options: { connected?: boolean } = {}): Model[] {
  const models: Model[] = [];
  let previous: string[] = [];
  for (const [layer, count] of LAYERS) {
    const names = Array.from(
      { length: count },
      (_, i) => `iceberg.${layer}.${layer}_${i}`,
    );
    const upstream = previous;
    names.forEach((name, i) =>
      models.push({
        name,
        inputs: upstream.length
          ? [
              upstream[i % upstream.length],
              upstream[
                (options.connected ? i + 1 : i * 7 + 3) % upstream.length
              ],
            ]
          : [`postgresql.scout.source_${i}`],
      }),
    );
    previous = names;
  }
  return models;
}

const quoted = (name: string) =>
  name
    .split('.')
    .map(part => `"${part}"`)
    .join('.');

/**
 * The same project as a compiled Trino dbt manifest, for the static pass:
 * bronze models are a CTE over `select *` from their source, later models
 * join their two inputs, aggregate and compute, as real gold models do.
 */
export function dbtManifest(models: Model[]) {
  const columns = Array.from({ length: COLUMNS }, (_, i) => `c${i}`);
  const node = (name: string) => {
    const [database, schema, alias] = name.split('.');
    return { database, schema, alias, relation_name: quoted(name) };
  };
  const uid = (name: string) =>
    name.startsWith('postgresql.')
      ? `source.bench.scout.${name.split('.')[2]}`
      : `model.bench.${name.split('.')[2]}`;
  const sql = (m: Model) => {
    if (m.inputs.length === 1) {
      return [
        `with src as (select * from ${quoted(m.inputs[0])})`,
        `select ${columns.map(c => `cast(${c} as bigint) as ${c}`).join(', ')}`,
        'from src where c0 is not null',
      ].join('\n');
    }
    const [a, b] = m.inputs.map(quoted);
    // The key, then sums and coalesced maxima of both inputs' columns.
    const picks = columns.map((c, i) => {
      if (i === 0) return `a.${c}`;
      if (i % 2) return `sum(a.${c} + b.${c}) as ${c}`;
      return `max(coalesce(a.${c}, b.${c})) as ${c}`;
    });
    return `select ${picks.join(
      ', ',
    )}\nfrom ${a} as a join ${b} as b on a.c0 = b.c0\ngroup by a.c0`;
  };
  const sources = [...new Set(models.flatMap(m => m.inputs))].filter(n =>
    n.startsWith('postgresql.'),
  );
  return {
    metadata: {
      adapter_type: 'trino',
      project_name: 'bench',
      invocation_id: 'bench',
      generated_at: '2026-12-01T00:00:00Z',
    },
    nodes: Object.fromEntries(
      models.map(m => [
        uid(m.name),
        {
          resource_type: 'model',
          name: m.name.split('.')[2],
          ...node(m.name),
          columns: {},
          depends_on: { nodes: m.inputs.map(uid) },
          compiled_code: sql(m),
        },
      ]),
    ),
    sources: Object.fromEntries(
      sources.map(name => [
        uid(name),
        {
          resource_type: 'source',
          name: name.split('.')[2],
          ...node(name),
          identifier: name.split('.')[2],
          columns: {},
        },
      ]),
    ),
    exposures: {},
  };
}

/** What every OpenLineage facet names: its producer and its schema. */
const facet = (schema: string) => ({
  _producer: 'scout-bench',
  _schemaURL: `https://openlineage.io/spec/facets/1-0-1/${schema}.json`,
});

/**
 * The COMPLETE run event of one model's run, as Trino's listener sends it:
 * the model's job reads its inputs and writes it, with a schema and column
 * i of the output from column i of each input. A new run id unless given.
 */
export function runEvent(
  model: Model,
  eventTime: string,
  runId: string = randomUUID(),
  namespace: string = BENCH_NAMESPACE,
) {
  const columns = Array.from({ length: COLUMNS }, (_, i) => `c${i}`);
  return {
    eventType: 'COMPLETE',
    eventTime,
    producer: 'scout-bench',
    run: { runId },
    job: { namespace, name: `write ${model.name}` },
    inputs: model.inputs.map(name => ({ namespace, name })),
    outputs: [
      {
        namespace,
        name: model.name,
        facets: {
          schema: {
            ...facet('SchemaDatasetFacet'),
            fields: columns.map(name => ({ name, type: 'bigint' })),
          },
          columnLineage: {
            ...facet('ColumnLineageDatasetFacet'),
            fields: Object.fromEntries(
              columns.map(c => [
                c,
                {
                  inputFields: model.inputs.map(name => ({
                    namespace,
                    name,
                    field: c,
                  })),
                },
              ]),
            ),
          },
        },
      },
    ],
  };
}
