import type { Knex } from 'knex';
import type { PreparedEvent } from './preparedEvent';
import { jobSql, RunEvent } from './runEvent';
import { searchKey } from './searchKey';
import { chunks, SEP } from './storeRows';

/** The columns of lineage_jobs the batch reads. */
type JobRow = {
  id: number;
  namespace: string;
  name: string;
  latest_event_time: string | null;
  latest_run_id: string | null;
  io_event_time: string | null;
  io_run_id: string | null;
};

/** The columns of lineage_jobs an event may change. */
const CHANGED_COLUMNS = [
  'latest_run_state',
  'latest_run_id',
  'latest_event_time',
  'sql',
  'io_event_time',
  'io_run_id',
] as const;
type Changes = Partial<Record<(typeof CHANGED_COLUMNS)[number], string>>;

/**
 * What a job's inputs, outputs and field edges become: the union of the
 * links of `events` (indexes in the batch), replacing the stored ones when
 * `replace`, else added to them.
 */
export type JobLinksPlan = { replace: boolean; events: number[] };

/**
 * Upserts the batch's jobs, in event order. The newest event names the
 * latest run; an OTHER event (metadata after the fact) leaves its run's
 * state alone; the SQL is the newest event's that has some. Of the events
 * that name inputs or outputs, a COMPLETE not older than the job's links
 * replaces them (the job's lineage is now that run's); any other event not
 * older adds to them (a RUNNING, the next run's START, a failed run's
 * datasets), as does an older event of the run that set them (its START
 * arriving late); an older event of another run changes nothing. Returns
 * each job's plan.
 */
export async function upsertJobs(
  tx: Knex.Transaction,
  batch: PreparedEvent[],
  now: string,
): Promise<Map<number, JobLinksPlan>> {
  const jobKey = (p: PreparedEvent) =>
    `${p.event.job!.namespace}${SEP}${p.event.job!.name}`;
  const named = [...new Map(batch.map(p => [jobKey(p), p.event.job!]))]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, j]) => ({ namespace: j.namespace, name: j.name }));
  const stored = new Map<string, JobRow>();
  for (const chunk of chunks(named, 200)) {
    const rows: JobRow[] = await tx('lineage_jobs')
      .insert(
        chunk.map(j => ({
          ...j,
          search_name: searchKey(j.name),
          updated_at: now,
        })),
      )
      .onConflict(['namespace', 'name'])
      .merge(['updated_at'])
      .returning([
        'id',
        'namespace',
        'name',
        'latest_event_time',
        'latest_run_id',
        'io_event_time',
        'io_run_id',
      ]);
    for (const r of rows) stored.set(`${r.namespace}${SEP}${r.name}`, r);
  }
  const updates = new Map<number, Changes>();
  const plans = new Map<number, JobLinksPlan>();
  batch.forEach((p, index) => {
    const job = stored.get(jobKey(p))!;
    const update: Changes = updates.get(job.id) ?? {};
    updates.set(job.id, update);
    const runId = p.sent.run.runId;
    const state = p.sent.eventType ?? 'OTHER';
    const latest = update.latest_event_time ?? job.latest_event_time;
    // The latest run is the one with the newest event.
    if (!latest || latest <= p.eventTime) {
      const run = update.latest_run_id ?? job.latest_run_id;
      if (state !== 'OTHER' || run !== runId) update.latest_run_state = state;
      update.latest_run_id = runId;
      update.latest_event_time = p.eventTime;
      const sql = jobSql(p.event as RunEvent);
      if (sql) update.sql = sql;
    }
    if (!(p.event.inputs ?? []).length && !(p.event.outputs ?? []).length) {
      return;
    }
    const io = update.io_event_time ?? job.io_event_time;
    const ioRun = update.io_run_id ?? job.io_run_id;
    const newer = !io || io <= p.eventTime;
    if (newer && (state === 'COMPLETE' || !io)) {
      plans.set(job.id, { replace: true, events: [index] });
      update.io_event_time = p.eventTime;
      update.io_run_id = runId;
    } else if (newer || ioRun === runId) {
      const plan = plans.get(job.id);
      if (plan) plan.events.push(index);
      else plans.set(job.id, { replace: false, events: [index] });
      if (newer) update.io_event_time = p.eventTime;
    }
  });
  // Every changed job in one statement per chunk, not one each: the
  // upsert meets the rows written above, and a column left null keeps its
  // value.
  const byId = new Map([...stored.values()].map(j => [j.id, j]));
  const changed = [...updates]
    .filter(([, update]) => Object.keys(update).length)
    .map(([id, update]) => {
      const { namespace, name } = byId.get(id)!;
      const row: Record<string, string | null> = {
        namespace,
        name,
        updated_at: now,
      };
      for (const c of CHANGED_COLUMNS) row[c] = update[c] ?? null;
      return row;
    });
  for (const chunk of chunks(changed, 100)) {
    await tx('lineage_jobs')
      .insert(chunk)
      .onConflict(['namespace', 'name'])
      .merge(
        Object.fromEntries(
          CHANGED_COLUMNS.map(c => [
            c,
            tx.raw('coalesce(excluded.??, lineage_jobs.??)', [c, c]),
          ]),
        ),
      );
  }
  return plans;
}
