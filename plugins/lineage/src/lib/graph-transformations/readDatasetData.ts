import { datasetNodeId } from '../nodeIds';
import type {
  AssertionSource,
  DatasetQuality,
  Field,
  Freshness,
  LastRun,
  LastWrite,
  Owner,
  QualityAssertion,
  RenamedDataset,
} from './types';

// The schema types node `data` as a free object, and old servers omit the
// newer keys: each reader checks what it gets and answers undefined for
// anything missing or malformed, never a made-up value.

type Data = Record<string, unknown>;

export const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;
const record = (v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Data) : undefined;
const oneOf = <T extends string>(v: unknown, values: readonly T[]) =>
  values.find(x => x === v);

export function fieldsOf(v: unknown): Field[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap(f =>
    f && typeof f.name === 'string'
      ? [{ name: f.name, type: text(f.type) }]
      : [],
  );
}

function assertionOf(v: unknown): QualityAssertion[] {
  const a = record(v);
  if (!a || typeof a.assertion !== 'string') return [];
  const { source, ...rest } = a;
  const by: AssertionSource | undefined = text(source);
  return [{ ...(rest as QualityAssertion), ...(by && { source: by }) }];
}

export function qualityOf(v: unknown): DatasetQuality | undefined {
  const q = record(v);
  if (!q || !Array.isArray(q.assertions)) return undefined;
  return {
    eventTime: text(q.eventTime),
    passed: Number(q.passed ?? 0),
    warned: Number(q.warned ?? 0),
    failed: Number(q.failed ?? 0),
    assertions: q.assertions.flatMap(assertionOf),
  };
}

export function lastWriteOf(v: unknown): LastWrite | undefined {
  const w = record(v);
  const job = record(w?.job);
  const namespace = text(job?.namespace);
  const name = text(job?.name);
  const runId = text(w?.runId);
  const state = text(w?.state);
  const eventTime = text(w?.eventTime);
  if (!namespace || !name || !runId || !state || !eventTime) return undefined;
  return {
    job: { namespace, name },
    runId,
    state,
    rows: num(w?.rows),
    eventTime,
  };
}

export function renamedOf(v: unknown): RenamedDataset | undefined {
  const r = record(v);
  const namespace = text(r?.namespace);
  const name = text(r?.name);
  if (!namespace || !name) return undefined;
  const eventTime = text(r?.eventTime);
  return {
    id: datasetNodeId(namespace, name),
    namespace,
    name,
    ...(eventTime && { eventTime }),
  };
}

export function ownersOf(v: unknown): Owner[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.flatMap(o => {
    const name = text(record(o)?.name);
    const type = text(record(o)?.type);
    return name ? [{ name, ...(type && { type }) }] : [];
  });
}

export function lastRunOf(v: unknown): LastRun | undefined {
  const r = record(v);
  const runId = text(r?.runId);
  const status = oneOf(r?.status, ['published', 'failed'] as const);
  const finishedAt = text(r?.finishedAt);
  if (!r || !runId || !status || !finishedAt) return undefined;
  return {
    runId,
    status,
    engine: text(r.engine) ?? '',
    finishedAt,
    rows: num(r.rows),
  };
}

const FRESHNESS = ['pass', 'warn', 'error', 'runtime error'] as const;

export function freshnessOf(v: unknown): Freshness | undefined {
  const f = record(v);
  const status = oneOf(f?.status, FRESHNESS);
  const snapshottedAt = text(f?.snapshottedAt) ?? null;
  // Only a check that could not run has no time.
  if (!f || !status || (!snapshottedAt && status !== 'runtime error')) {
    return undefined;
  }
  const message = text(f.message);
  return {
    status,
    maxLoadedAt: text(f.maxLoadedAt) ?? null,
    snapshottedAt,
    ageSeconds: num(f.ageSeconds),
    warnAfterSeconds: num(f.warnAfterSeconds),
    errorAfterSeconds: num(f.errorAfterSeconds),
    ...(message && { message }),
  };
}
