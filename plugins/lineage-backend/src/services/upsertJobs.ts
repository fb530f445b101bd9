import type { Knex } from 'knex';
import type { PreparedEvent } from './preparedEvent';
import { jobSql, RunEvent } from './runEvent';
import { chunks, SEP } from './storeRows';

/** The columns of lineage_jobs the batch reads. */
type JobRow = {
  id: number;
  namespace: string;
  name: string;
  latest_event_time: string | null;
  io_event_time: string | null;
};

/**
 * Upserts the batch's jobs, in event order: the SQL of the last event
 * that has some, the newest event's run as the latest run, and, of the
 * events that name inputs or outputs and are not older than those
 * stored, the newest as the one whose inputs, outputs and edges the job
 * takes. Returns job id → index in `batch` of that event.
 */
export async function upsertJobs(
  tx: Knex.Transaction,
  batch: PreparedEvent[],
  now: string,
): Promise<Map<number, number>> {
  const jobKey = (p: PreparedEvent) =>
    `${p.event.job!.namespace}${SEP}${p.event.job!.name}`;
  const named = [...new Map(batch.map(p => [jobKey(p), p.event.job!]))]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, j]) => ({ namespace: j.namespace, name: j.name }));
  const stored = new Map<string, JobRow>();
  for (const chunk of chunks(named, 200)) {
    const rows: JobRow[] = await tx('lineage_jobs')
      .insert(chunk.map(j => ({ ...j, updated_at: now })))
      .onConflict(['namespace', 'name'])
      .merge(['updated_at'])
      .returning([
        'id',
        'namespace',
        'name',
        'latest_event_time',
        'io_event_time',
      ]);
    for (const r of rows) stored.set(`${r.namespace}${SEP}${r.name}`, r);
  }
  const updates = new Map<number, Record<string, string>>();
  const takers = new Map<number, number>();
  batch.forEach((p, index) => {
    const job = stored.get(jobKey(p))!;
    const update: Record<string, string> = updates.get(job.id) ?? {
      updated_at: now,
    };
    updates.set(job.id, update);
    const sql = jobSql(p.event as RunEvent);
    if (sql) update.sql = sql;
    const latest = update.latest_event_time ?? job.latest_event_time;
    // The latest run is the one with the newest event.
    if (!latest || latest <= p.eventTime) {
      update.latest_run_id = p.sent.run.runId;
      update.latest_run_state = p.sent.eventType ?? 'OTHER';
      update.latest_event_time = p.eventTime;
    }
    const io = update.io_event_time ?? job.io_event_time;
    const names =
      (p.event.inputs ?? []).length + (p.event.outputs ?? []).length > 0;
    if (names && (!io || io <= p.eventTime)) {
      update.io_event_time = p.eventTime;
      takers.set(job.id, index);
    }
  });
  for (const [id, update] of updates) {
    await tx('lineage_jobs').where('id', id).update(update);
  }
  return takers;
}
