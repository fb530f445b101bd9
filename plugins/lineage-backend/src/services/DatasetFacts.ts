import type { Knex } from 'knex';
import {
  qualityAssertions,
  sourceFreshness,
  type DatasetRef,
} from './runEvent';

type Tx = Knex.Transaction;

/** Assertions as stored: per producer (an assertion's `source`), the newest. */
export type StoredQuality = Record<
  string,
  { eventTime: string; assertions: Assertion[] }
>;
type Assertion = { success?: boolean; status?: string; source?: string };

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

/** The stored quality of a dataset; an array is the older, single-producer form. */
export function readStoredQuality(
  json: string | null | undefined,
  eventTime: string | null | undefined,
): StoredQuality {
  if (!json) return {};
  const parsed = JSON.parse(json) as StoredQuality | Assertion[];
  return Array.isArray(parsed)
    ? { dbt: { eventTime: eventTime ?? '', assertions: parsed } }
    : parsed;
}

/**
 * Applies a dataset's quality assertions and source freshness, when its
 * ref carries them: each producer's assertions replace only that
 * producer's, and only when not older than those stored.
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
    let changed = false;
    for (const [source, list] of bySource(assertions)) {
      if ((quality[source]?.eventTime ?? '') > eventTime) continue;
      quality[source] = { eventTime, assertions: list };
      changed = true;
    }
    if (changed) {
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
