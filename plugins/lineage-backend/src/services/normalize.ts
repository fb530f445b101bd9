import type { DatasetRef, RunEvent } from './runEvent';

/**
 * A dataset-name rewrite: the first match of `pattern` becomes
 * `replacement`, and the dataset moves to `namespace` when one is given
 * (every producer's name for a Postgres table becomes the one node).
 */
export type NameRewrite = {
  pattern: RegExp;
  replacement: string;
  namespace?: string;
};

/** Trino names a job after its query id (20261201_041530_00012_abcde) before 477. */
const TRINO_QUERY_ID = /^\d{8}_\d{6}_\d{5}_[a-z0-9]{5}$/;

/** A dataset's namespace and name as the graph sees them. */
export function renameRef<D extends { namespace: string; name: string }>(
  d: D,
  rewrites: NameRewrite[],
): D {
  const rule = rewrites.find(r => r.pattern.test(d.name));
  if (!rule) return d;
  return {
    ...d,
    name: d.name.replace(rule.pattern, rule.replacement),
    namespace: rule.namespace ?? d.namespace,
  };
}

/** Input field refs ({namespace, name, field}) with their datasets renamed. */
function renameInputs(inputs: unknown, rewrites: NameRewrite[]): unknown {
  if (!Array.isArray(inputs)) return inputs;
  return inputs.map((i: { namespace?: unknown; name?: unknown }) =>
    typeof i?.name === 'string' && typeof i?.namespace === 'string'
      ? renameRef(i as { namespace: string; name: string }, rewrites)
      : i,
  );
}

/** The columnLineage facet with the datasets it reads renamed (or undefined). */
function renameColumnLineage(
  facet: Record<string, unknown> | undefined,
  rewrites: NameRewrite[],
) {
  const fields = facet?.fields as
    | Record<string, { inputFields?: unknown }>
    | undefined;
  if (!facet || (!fields && !('dataset' in facet))) return undefined;
  return {
    ...facet,
    ...(fields && {
      fields: Object.fromEntries(
        Object.entries(fields).map(([field, value]) => [
          field,
          { ...value, inputFields: renameInputs(value?.inputFields, rewrites) },
        ]),
      ),
    }),
    ...('dataset' in facet && {
      dataset: renameInputs(facet.dataset, rewrites),
    }),
  };
}

/** The lifecycleStateChange facet with a RENAME's old name renamed (or undefined). */
function renamePrevious(
  facet: Record<string, unknown> | undefined,
  rewrites: NameRewrite[],
) {
  const previous = facet?.previousIdentifier as
    | { namespace?: unknown; name?: unknown }
    | undefined;
  if (typeof previous?.namespace !== 'string') return undefined;
  if (typeof previous.name !== 'string') return undefined;
  const renamed = renameRef(
    previous as { namespace: string; name: string },
    rewrites,
  );
  return renamed === previous
    ? undefined
    : { ...facet, previousIdentifier: renamed };
}

/**
 * The dataset renamed, and the datasets its columnLineage facet reads
 * (each field's inputFields and the dataset-level `dataset` list, 1-2-0)
 * and a RENAME's old name.
 */
function renameDataset(d: DatasetRef, rewrites: NameRewrite[]): DatasetRef {
  const facets = d.facets as
    | {
        columnLineage?: Record<string, unknown>;
        lifecycleStateChange?: Record<string, unknown>;
      }
    | undefined;
  const columnLineage = renameColumnLineage(facets?.columnLineage, rewrites);
  const lifecycleStateChange = renamePrevious(
    facets?.lifecycleStateChange,
    rewrites,
  );
  if (!columnLineage && !lifecycleStateChange) return renameRef(d, rewrites);
  return {
    ...renameRef(d, rewrites),
    facets: {
      ...d.facets,
      ...(columnLineage && { columnLineage }),
      ...(lifecycleStateChange && { lifecycleStateChange }),
    },
  };
}

/**
 * The event as the graph should see it (the stored event stays as sent):
 * dataset names rewritten by the configured rules (a pipeline run writes
 * through its own catalog, whose tables are main's once published), and a
 * job that Trino named after its query id renamed after what it writes, so
 * each run's query for a table is one job, not a new one per run. Such a
 * job that writes nothing (a START event) has no name: `job` is null, and
 * the event adds nothing to the graph.
 */
export function normalizeEvent(
  event: RunEvent,
  rewrites: NameRewrite[],
): Omit<RunEvent, 'job'> & { job: RunEvent['job'] | null } {
  const inputs = (event.inputs ?? []).map(d => renameDataset(d, rewrites));
  const outputs = (event.outputs ?? []).map(d => renameDataset(d, rewrites));
  let job: RunEvent['job'] | null = event.job;
  if (TRINO_QUERY_ID.test(event.job.name)) {
    job = outputs.length
      ? {
          ...event.job,
          name: `write ${outputs
            .map(o => o.name)
            .sort()
            .join(', ')}`,
        }
      : null;
  }
  return { ...event, job, inputs, outputs };
}
