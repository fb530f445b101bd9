import { InputError } from '@backstage/errors';
import { createHash } from 'node:crypto';

/** The parts of an OpenLineage RunEvent the store reads (the router validated it). */
export type RunEvent = {
  eventType?: string;
  eventTime: string;
  producer: string;
  run: { runId: string; facets?: Record<string, unknown> };
  job: { namespace: string; name: string; facets?: Record<string, unknown> };
  inputs?: DatasetRef[];
  outputs?: DatasetRef[];
};

export type DatasetRef = {
  namespace: string;
  name: string;
  facets?: Record<string, unknown>;
  /** An input's facets about this read (dataQualityAssertions). */
  inputFacets?: Record<string, unknown>;
  /** An output's facets about this write (outputStatistics). */
  outputFacets?: Record<string, unknown>;
};

/** One field-to-field edge of an output's columnLineage facet. */
export type FieldEdge = {
  from: { namespace: string; name: string; field: string };
  to: { namespace: string; name: string; field: string };
  type: string | null;
  subtype: string | null;
  description: string | null;
};

/** A key V8 may order as an array index (a superset: up to 10 digits). */
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;

/** canonical's JSON, written key by key: slower, but any key order holds. */
function canonicalWalk(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalWalk).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    let out = '';
    for (const k of Object.keys(o).sort()) {
      if (o[k] === undefined) continue;
      out += `${out ? ',' : ''}${JSON.stringify(k)}:${canonicalWalk(o[k])}`;
    }
    return `{${out}}`;
  }
  return JSON.stringify(value);
}

/**
 * JSON with object keys sorted by UTF-16 code units (sort()'s default,
 * independent of locale), so equal events hash equal. JSON.stringify does
 * the writing, with each object rebuilt in sorted key order: half the
 * time of canonicalWalk's joined strings. Not where an object has a key
 * like "12": V8 puts such array-index keys first whatever the insertion
 * order, so those events take the walk.
 */
function canonical(value: unknown): string {
  let indexKeys = false;
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    // No prototype: a "__proto__" key is then a key like any other.
    const sorted = Object.create(null) as Record<string, unknown>;
    for (const k of Object.keys(o).sort()) {
      if (ARRAY_INDEX.test(k)) indexKeys = true;
      sorted[k] = o[k];
    }
    return sorted;
  });
  return indexKeys ? canonicalWalk(value) : json;
}

/** The replay key: sha256 of the event's canonical JSON, hex. */
export function eventKey(event: RunEvent): string {
  return createHash('sha256').update(canonical(event)).digest('hex');
}

export function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The schema facet's fields, `{ name, type }`; nested fields are flattened with dots. */
export function schemaFields(
  dataset: DatasetRef,
): { name: string; type: string | null }[] {
  const out: { name: string; type: string | null }[] = [];
  const walk = (fields: unknown, prefix: string) => {
    if (!Array.isArray(fields)) return;
    for (const f of fields) {
      const name = text(record(f)?.name);
      if (!name) continue;
      out.push({ name: prefix + name, type: text(record(f)?.type) });
      walk(record(f)?.fields, `${prefix}${name}.`);
    }
  };
  walk(record(record(dataset.facets)?.schema)?.fields, '');
  return out;
}

/**
 * A dataset's schema facet as of its event: the fields it lists (none when
 * the facet is `_deleted`); undefined when the event gives no schema.
 */
export function schemaSnapshot(dataset: DatasetRef, eventTime: string) {
  const facet = record(record(dataset.facets)?.schema);
  if (!facet) return undefined;
  const fields = facet._deleted === true ? [] : schemaFields(dataset);
  return { fields, eventTime };
}

/** A dataset's owner as an ownership facet names it (`team:payments`). */
export type Owner = { name: string; type: string | null };

/**
 * A dataset's ownership facet as of its event: its owners (none when the
 * facet is `_deleted`); undefined when the event gives no ownership.
 */
export function ownersSnapshot(dataset: DatasetRef, eventTime: string) {
  const facet = record(record(dataset.facets)?.ownership);
  if (!facet) return undefined;
  const listed = facet._deleted === true ? [] : facet.owners;
  const owners: Owner[] = (Array.isArray(listed) ? listed : []).flatMap(o => {
    const name = text(record(o)?.name);
    return name ? [{ name, type: text(record(o)?.type) }] : [];
  });
  return { owners, eventTime };
}

/** The newest write of a dataset, by any producer: what wrote it, and how. */
export type LastWrite = {
  job: { namespace: string; name: string };
  runId: string;
  /** The event's type: COMPLETE, FAIL, START, … */
  state: string;
  /** The rows its outputStatistics facet reported; null without one. */
  rows: number | null;
};

/** The write an event made to one of its outputs, at the event's time. */
export function lastWriteSnapshot(
  event: RunEvent,
  output: DatasetRef,
  eventTime: string,
) {
  const stats = record(record(output.outputFacets)?.outputStatistics);
  const rows = stats?.rowCount;
  const write: LastWrite = {
    job: { namespace: event.job.namespace, name: event.job.name },
    runId: event.run.runId,
    state: event.eventType ?? 'OTHER',
    rows: Number.isSafeInteger(rows) ? (rows as number) : null,
  };
  return { write, eventTime };
}

/**
 * The field edges an output's columnLineage facet declares
 * (`fields.<out>.inputFields[] {namespace, name, field, transformations[]}`,
 * OpenLineage 1.x; the older top-level transformationType and
 * transformationDescription are read when transformations is absent).
 * An input field listed with several transformations is one edge, DIRECT
 * if any of them is. A field listed as its own input (a MERGE or an
 * incremental model keeps a row's old value) gets no edge: that is the
 * table's previous version, and a column cannot be its own source; the
 * job's reading its own table says it. The facet's dataset-level `dataset`
 * list (1-2-0: the fields a filter, join or grouping reads, which Trino's
 * listener sends) is not drawn: column lineage here is what each value is
 * computed from, as the static pass derives it.
 */
export function fieldEdges(output: DatasetRef): FieldEdge[] {
  const fields = record(record(record(output.facets)?.columnLineage)?.fields);
  if (!fields) return [];
  const edges: FieldEdge[] = [];
  for (const [field, lineage] of Object.entries(fields)) {
    const inputs = record(lineage)?.inputFields;
    if (!Array.isArray(inputs)) continue;
    for (const input of inputs) {
      const i = record(input);
      const namespace = text(i?.namespace);
      const name = text(i?.name);
      const from = text(i?.field);
      if (!namespace || !name || !from) continue;
      const self = namespace === output.namespace && name === output.name;
      if (self && from === field) continue;
      const all = Array.isArray(i?.transformations) ? i!.transformations : [];
      const t = record(
        all.find(x => text(record(x)?.type) === 'DIRECT') ?? all[0],
      );
      edges.push({
        from: { namespace, name, field: from },
        to: { namespace: output.namespace, name: output.name, field },
        type: text(t?.type) ?? text(record(lineage)?.transformationType),
        subtype: text(t?.subtype),
        description:
          text(t?.description) ??
          text(record(lineage)?.transformationDescription),
      });
    }
  }
  return edges;
}

/** The job's SQL, from its `sql` facet. */
export function jobSql(event: RunEvent): string | null {
  return text(record(record(event.job.facets)?.sql)?.query);
}

/**
 * A dataset's data quality assertions: the dataQualityAssertions facet of
 * an output (`facets`) or an input (`inputFacets`), OpenLineage's
 * `{assertion, success, column?}` plus whatever the producer adds (the
 * static pass adds dbt's status, message, failures and failingRowsQuery).
 * Each has a `source`, what ran it: its own (the static pass says `dbt`,
 * the pipeline's checkpoint `great_expectations`), else the facet's
 * `_producer` URI, so each producer's results replace only its own.
 */
export function qualityAssertions(d: DatasetRef): unknown[] | undefined {
  const facet =
    record(record(d.facets)?.dataQualityAssertions) ??
    record(record(d.inputFacets)?.dataQualityAssertions);
  if (!facet || !Array.isArray(facet.assertions)) return undefined;
  const producer = text(facet._producer) ?? 'unknown';
  return facet.assertions.map(a =>
    record(a) && typeof record(a)!.source !== 'string'
      ? { ...record(a), source: producer }
      : a,
  );
}

/**
 * A cycle among the event's field edges, as `dataset.field` names from
 * start back to start (an output column computed from itself, or two that
 * are each computed from the other), or undefined. Column lineage is a
 * DAG: a value cannot be its own source.
 */
export function fieldCycle(event: {
  outputs?: DatasetRef[];
}): string[] | undefined {
  const key = (f: { namespace: string; name: string; field: string }) =>
    `${f.namespace} ${f.name}.${f.field}`;
  const upstream = new Map<string, string[]>();
  for (const edge of (event.outputs ?? []).flatMap(fieldEdges)) {
    const to = key(edge.to);
    upstream.set(to, [...(upstream.get(to) ?? []), key(edge.from)]);
  }
  // Depth-first, coloring nodes: a grey node met again closes a cycle.
  const state = new Map<string, 'grey' | 'black'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'black') return undefined;
    if (state.get(node) === 'grey') {
      return [...path.slice(path.indexOf(node)), node];
    }
    state.set(node, 'grey');
    path.push(node);
    for (const next of upstream.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'black');
    return undefined;
  };
  for (const node of upstream.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle.map(n => n.slice(n.indexOf(' ') + 1));
  }
  return undefined;
}

/**
 * A source's freshness, from the `scout_freshness` facet the static pass
 * puts on it (dbt source freshness): status, maxLoadedAt, snapshottedAt,
 * ageSeconds, warnAfterSeconds, errorAfterSeconds.
 */
export function sourceFreshness(
  d: DatasetRef,
): Record<string, unknown> | undefined {
  const facet =
    record(record(d.inputFacets)?.scout_freshness) ??
    record(record(d.facets)?.scout_freshness);
  if (!facet || typeof facet.status !== 'string') return undefined;
  const { _producer, _schemaURL, ...freshness } = facet;
  return freshness;
}

/**
 * An event's time in UTC, as an ISO string. RFC 3339 (the schema's
 * date-time) allows a leap second, 23:59:60, which Date cannot hold: it
 * counts as the next second, as POSIX time counts it.
 */
export function eventInstant(eventTime: string): string {
  if (!realFields(eventTime)) {
    throw new InputError(`eventTime ${eventTime} names no real time`);
  }
  const time = new Date(eventTime);
  if (!Number.isNaN(time.getTime())) return time.toISOString();
  const leap = new Date(
    eventTime.replace(/:60(?=(\.\d+)?([zZ]|[+-]\d\d:\d\d)$)/, ':59'),
  );
  if (Number.isNaN(leap.getTime())) {
    throw new InputError(`eventTime ${eventTime} is not an RFC 3339 date-time`);
  }
  return new Date(leap.getTime() + 1000).toISOString();
}

/**
 * Whether a date-time's date and time fields exist: V8 takes 2026-02-30
 * as 2 March and 24:00 as the next day. A leap second (:60) is allowed.
 * Its shape is the validator's (format: date-time).
 */
function realFields(eventTime: string): boolean {
  const parts = /^(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d):(\d\d)/.exec(
    eventTime,
  );
  if (!parts) return true;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second <= 60
  );
}
