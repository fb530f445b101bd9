/** Models per layer of the generated project: 500 in all. */
const LAYERS: [string, number][] = [
  ['bronze', 100],
  ['silver', 150],
  ['gold', 150],
  ['platinum', 100],
];
export const COLUMNS = 8;

export type Model = { name: string; inputs: string[] };

/**
 * A layered dbt-like project: each bronze model reads one source table,
 * each later model two models of the layer before (chosen by a fixed
 * stride, so every run builds the same graph), and column i of a model
 * comes from column i of each input.
 */
export function project(): Model[] {
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
              upstream[(i * 7 + 3) % upstream.length],
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
