import { z } from 'zod';
import type { ProjectChange } from './dbtCheckProject';

// The part of dbt's manifest.json that the plan reads.
const node = z.object({
  unique_id: z.string(),
  resource_type: z.string(),
  name: z.string(),
  original_file_path: z.string(),
  schema: z.string().nullish(),
  depends_on: z
    .object({ nodes: z.array(z.string()) })
    .partial()
    .optional(),
});
const meta = z.record(z.string(), z.unknown());
const source = z.object({
  unique_id: z.string(),
  name: z.string(),
  identifier: z.string(),
  schema: z.string(),
  meta: meta.optional(),
  config: z.object({ meta: meta.optional() }).optional(),
  columns: z.record(
    z.string(),
    z.object({ name: z.string(), data_type: z.string().nullish() }),
  ),
});
const manifestSchema = z.object({
  nodes: z.record(z.string(), node),
  unit_tests: z.record(z.string(), node).optional(),
  sources: z.record(z.string(), source),
  parent_map: z.record(z.string(), z.array(z.string())),
});

/** A source the build reads, as dbt's manifest declares it. */
export type ManifestSource = z.infer<typeof source>;

/** What `dbt build` runs for one check. */
export type BuildPlan = {
  /** The unique ids of the models the workspace adds or changes. */
  models: string[];
  /** dbt --select: those models, their ancestors and the checked tests. */
  select: string[];
  /** The sources the built models read, to create empty. */
  sources: ManifestSource[];
  /** The schemas the built models write to (one folder each in DuckDB). */
  schemas: string[];
};

const TESTS = new Set(['test', 'unit_test']);

/**
 * Plans the build from `dbt parse`'s manifest and the workspace's changes.
 * Checked: the models in files the workspace adds or changes, every test
 * on them, and the tests in files it adds (tests in a platform file it
 * edits are the platform's, and need data an empty DuckDB lacks). Built:
 * those models and every model or seed upstream of them or of the checked
 * tests, on empty inputs; none of the upstream tests run.
 */
export function planBuild(json: unknown, changes: ProjectChange[]): BuildPlan {
  const manifest = manifestSchema.parse(json);
  const changed = new Set(changes.map(c => c.path));
  const added = new Set(changes.filter(c => c.added).map(c => c.path));
  const nodes = [
    ...Object.values(manifest.nodes),
    ...Object.values(manifest.unit_tests ?? {}),
  ];
  const models = nodes.filter(
    n => n.resource_type === 'model' && changed.has(n.original_file_path),
  );
  const modelIds = new Set(models.map(m => m.unique_id));
  const tests = nodes.filter(
    n =>
      TESTS.has(n.resource_type) &&
      (added.has(n.original_file_path) ||
        n.depends_on?.nodes?.some(id => modelIds.has(id))),
  );
  // Everything the checked models and tests read, transitively.
  const upstream = new Set<string>();
  const visit = (id: string) => {
    if (upstream.has(id)) return;
    upstream.add(id);
    for (const parent of manifest.parent_map[id] ?? []) visit(parent);
  };
  for (const id of modelIds) visit(id);
  for (const t of tests) for (const id of t.depends_on?.nodes ?? []) visit(id);
  const built = [...upstream]
    .map(id => manifest.nodes[id])
    .filter(n => n && !TESTS.has(n.resource_type));
  return {
    models: [...modelIds].sort(),
    select: [...built, ...tests].map(n => n.name).sort(),
    sources: [...upstream]
      .filter(id => manifest.sources[id])
      .map(id => manifest.sources[id]),
    schemas: [...new Set(built.map(n => n.schema).filter(s => !!s))].map(
      String,
    ),
  };
}
