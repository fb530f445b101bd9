import type { Knex } from 'knex';
import {
  qualityAssertions,
  sourceFreshness,
  type DatasetRef,
} from './runEvent';

type Tx = Knex.Transaction;

/**
 * Assertions as stored: per producer (an assertion's `source`), the newest
 * result of each assertion, and when the event that reported it happened
 * (`times`, by index); `eventTime` is the newest of those, `completeAt`
 * that of the newest report of all the producer's assertions ('' if none).
 */
export type StoredQuality = Record<string, Reported>;
type Reported = {
  eventTime: string;
  assertions: Assertion[];
  times: string[];
  completeAt: string;
};
type Assertion = {
  assertion?: unknown;
  column?: unknown;
  success?: boolean;
  status?: string;
  source?: string;
};

/** The last pipeline run that built or checked a dataset. */
export type LastRun = {
  runId: string;
  status: 'published' | 'failed';
  engine: string;
  /** ISO 8601. */
  finishedAt: string;
  /** Rows the run left in the table, when it counted them. */
  rows: number | null;
};

/**
 * The stored quality of a dataset. Older forms: an array (a single
 * producer's, dbt's) and producers without `times` or `completeAt`, whose
 * lists were each reported whole at `eventTime`.
 */
export function readStoredQuality(
  json: string | null | undefined,
  eventTime: string | null | undefined,
): StoredQuality {
  if (!json) return {};
  const parsed = JSON.parse(json) as
    | Record<string, Omit<Reported, 'times' | 'completeAt'> & Partial<Reported>>
    | Assertion[];
  const stored = Array.isArray(parsed)
    ? { dbt: { eventTime: eventTime ?? '', assertions: parsed } }
    : parsed;
  return Object.fromEntries(
    Object.entries(stored).map(([source, r]) => [
      source,
      {
        ...r,
        times:
          r.times?.length === r.assertions.length
            ? r.times
            : r.assertions.map(() => r.eventTime),
        completeAt: r.completeAt ?? r.eventTime,
      },
    ]),
  );
}

/**
 * Applies a dataset's quality assertions and source freshness, when its
 * ref carries them: each producer's assertions change only that
 * producer's (see `merge`).
 */
export async function applyFacts(
  tx: Tx,
  datasetId: number,
  ref: DatasetRef,
  eventTime: string,
) {
  const assertions = qualityAssertions(ref) as Assertion[] | undefined;
  const freshness = sourceFreshness(ref);
  if (!assertions && !freshness) return;
  const row = await tx('lineage_datasets')
    .where('id', datasetId)
    .first('quality', 'quality_event_time', 'freshness_time');
  const update: Record<string, string | boolean> = {};
  if (assertions) {
    const quality = readStoredQuality(row.quality, row.quality_event_time);
    const before = JSON.stringify(quality);
    const complete = reportsAll(ref);
    const lists = bySource(assertions);
    // A complete report with no assertions: its producer (named on the
    // facet) checks nothing there any more, so its stored results go.
    const named = reportingSource(ref);
    if (complete && named && !lists.size) lists.set(named, []);
    for (const [source, list] of lists) {
      if (!list.length && !quality[source]) continue; // nothing to clear
      quality[source] = merge(quality[source], list, eventTime, complete);
    }
    if (JSON.stringify(quality) !== before) {
      update.quality = JSON.stringify(quality);
      update.quality_failed = Object.values(quality).some(q =>
        q.assertions.some(a => a.success === false),
      );
      update.quality_event_time = Object.values(quality)
        .map(q => q.eventTime)
        .sort()
        .pop()!;
    }
  }
  if (freshness && (row.freshness_time ?? '') <= eventTime) {
    update.freshness = JSON.stringify(freshness);
    update.freshness_time = eventTime;
  }
  if (Object.keys(update).length) {
    await tx('lineage_datasets').where('id', datasetId).update(update);
  }
}

/** Records `run` as the last run of a dataset, unless a later one is stored. */
export async function applyLastRun(tx: Tx, datasetId: number, run: LastRun) {
  await tx('lineage_datasets')
    .where('id', datasetId)
    .andWhere(q =>
      q
        .whereNull('last_run_time')
        .orWhere('last_run_time', '<=', run.finishedAt),
    )
    .update({ last_run: JSON.stringify(run), last_run_time: run.finishedAt });
}

function bySource(assertions: Assertion[]) {
  const out = new Map<string, Assertion[]>();
  for (const a of assertions) {
    const source = typeof a.source === 'string' ? a.source : 'unknown';
    out.set(source, [...(out.get(source) ?? []), a]);
  }
  return out;
}

/**
 * Whether the ref's assertions are all its producer checks on the dataset:
 * yes unless the facet says `complete: false`, as the static pass does for
 * a dbt run of only some of the dataset's tests.
 */
function reportsAll(ref: DatasetRef): boolean {
  return assertionsFacet(ref)?.complete !== false;
}

/**
 * The producer a dataQualityAssertions facet reports for, when it says so
 * (`source`, as the static pass writes `dbt`); else undefined.
 */
function reportingSource(ref: DatasetRef): string | undefined {
  const source = assertionsFacet(ref)?.source;
  return typeof source === 'string' && source ? source : undefined;
}

function assertionsFacet(ref: DatasetRef) {
  return [ref.facets, ref.inputFacets]
    .map(f => f?.dataQualityAssertions as Record<string, unknown> | undefined)
    .find(f => Array.isArray(f?.assertions));
}

/**
 * A producer's stored results after an event at `time` reported `list`:
 * each assertion (its name and column) takes the newer of its stored and
 * reported results, the reported one on a tie; one not stored is taken
 * unless a newer complete report left it out. A complete report also drops
 * the stored assertions it leaves out (a test deleted from the project),
 * unless a newer event reported them; a partial one keeps them, as the
 * tests that did not run this time still stand as last reported.
 */
function merge(
  stored: Reported | undefined,
  list: Assertion[],
  time: string,
  complete: boolean,
): Reported {
  const results = new Map<string, { assertion: Assertion; time: string }>();
  keyed(stored?.assertions ?? []).forEach(([key, assertion], i) =>
    results.set(key, { assertion, time: stored!.times[i] }),
  );
  const reported = new Map(keyed(list));
  for (const [key, { time: at }] of results) {
    if (complete && !reported.has(key) && at <= time) results.delete(key);
  }
  for (const [key, assertion] of reported) {
    if ((results.get(key)?.time ?? stored?.completeAt ?? '') <= time) {
      results.set(key, { assertion, time });
    }
  }
  const kept = [...results.values()];
  return {
    eventTime:
      kept
        .map(r => r.time)
        .sort()
        .pop() ?? time,
    assertions: kept.map(r => r.assertion),
    times: kept.map(r => r.time),
    completeAt: [stored?.completeAt ?? '', complete ? time : ''].sort().pop()!,
  };
}

/**
 * Each assertion with its identity: its name and column, and how many
 * before it in the list have both (a producer may check the same twice).
 */
function keyed(list: Assertion[]): [string, Assertion][] {
  const seen = new Map<string, number>();
  return list.map(a => {
    const id = JSON.stringify([a.assertion, a.column ?? null]);
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return [`${id}#${n}`, a];
  });
}
