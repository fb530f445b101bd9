import { InputError } from '@backstage/errors';
import type { Knex } from 'knex';
import { inChunks } from './collections';
import { applyFacts, applyLastRun, type LastRun } from './DatasetFacts';
import { refuseCycles } from './fieldCycles';
import { GroupCommit } from './GroupCommit';
import { type EdgeRow, type IoRow, replaceJobLinks } from './jobLinks';
import { NameRewrite, normalizeEvent, renameRef } from './normalize';
import {
  eventKey,
  fieldCycle,
  fieldEdges,
  jobSql,
  qualityAssertions,
  RunEvent,
  schemaFields,
  sourceFreshness,
} from './runEvent';
import {
  chunks,
  datasetKey,
  SEP,
  upsertDatasets,
  upsertFields,
} from './storeRows';

type Tx = Knex.Transaction;

/** The outcome of recording one event. */
export type RecordResult = { recorded: boolean };

/** The columns of lineage_jobs the batch reads. */
type JobRow = {
  id: number;
  namespace: string;
  name: string;
  latest_event_time: string | null;
  io_event_time: string | null;
};

/** An event as the batch writes it. */
type Prepared = {
  sent: RunEvent;
  event: ReturnType<typeof normalizeEvent>;
  key: string;
  eventTime: string;
};

/**
 * Writes OpenLineage run events into the lineage tables
 * (migrations/20261201000000_lineage_store.js). A batch of events is one
 * transaction, stored whole or not at all, and costs about a dozen
 * statements plus one per job, whatever its size: rows of a kind are
 * written together, sorted so concurrent writers take locks in the same
 * order. Single events from producers are grouped (GroupCommit).
 */
export class LineageStore {
  readonly #group: GroupCommit<RunEvent, Prepared, RecordResult>;

  constructor(
    private readonly db: Knex,
    /** Dataset-name rewrites (lineage.datasetNameRewrites). */
    private readonly rewrites: NameRewrite[] = [],
  ) {
    this.#group = new GroupCommit(
      event => this.#prepare(event),
      batch => this.db.transaction(tx => this.#record(tx, batch)),
    );
  }

  /**
   * Records one event. `recorded` is false for a replay (the same event,
   * byte for byte after key order), which changes nothing. A job's inputs,
   * outputs and column edges become this event's when it names any and is
   * not older than the event that set them. The graph sees the event as
   * normalizeEvent rewrites it; the stored event is the one sent. Events
   * that arrive together share a transaction; each still succeeds or fails
   * on its own. Throws InputError for cyclic column lineage.
   */
  async record(sent: RunEvent): Promise<RecordResult> {
    return this.#group.submit(sent);
  }

  /**
   * Records events in order in one transaction: all of them, or (on any
   * error) none. Replays among them are absorbed as in record().
   */
  async recordAll(events: RunEvent[]): Promise<RecordResult[]> {
    const prepared = events.map(sent => this.#prepare(sent));
    return this.db.transaction(tx => this.#record(tx, prepared));
  }

  /**
   * Records only what events say about their datasets (quality assertions,
   * source freshness), not their lineage: a failed pipeline run's tests, or
   * a Trino run's, whose lineage Trino's listener sent. One transaction.
   */
  async recordFacts(events: RunEvent[]): Promise<void> {
    await this.db.transaction(async tx => {
      const now = new Date().toISOString();
      for (const sent of events) {
        const eventTime = new Date(sent.eventTime).toISOString();
        const event = normalizeEvent(sent, this.rewrites);
        const refs = [...(event.inputs ?? []), ...(event.outputs ?? [])].filter(
          d => qualityAssertions(d) || sourceFreshness(d),
        );
        const ids = await upsertDatasets(tx, refs, now);
        for (const ref of refs) {
          const id = ids.get(datasetKey(ref.namespace, ref.name))!;
          await applyFacts(tx, id, ref, eventTime);
        }
      }
    });
  }

  /**
   * Records a pipeline run as the last run of the datasets it built or
   * checked (named as the graph names them, after the rewrites), with the
   * rows it left in each. One transaction.
   */
  async recordRun(
    run: Omit<LastRun, 'rows'>,
    datasets: { namespace: string; name: string; rows: number | null }[],
  ): Promise<void> {
    await this.db.transaction(async tx => {
      const refs = datasets.map(d => ({
        ...renameRef(d, this.rewrites),
        rows: d.rows,
      }));
      const ids = await upsertDatasets(tx, refs, new Date().toISOString());
      for (const ref of refs) {
        const id = ids.get(datasetKey(ref.namespace, ref.name))!;
        await applyLastRun(tx, id, { ...run, rows: ref.rows });
      }
    });
  }

  /** Which of these run ids have an event in the store. */
  async knownRuns(runIds: string[]): Promise<Set<string>> {
    const rows: { run_id: string }[] = await inChunks(runIds, ids =>
      this.db('lineage_events').distinct('run_id').whereIn('run_id', ids),
    );
    return new Set(rows.map(r => r.run_id));
  }

  /** The event as the graph sees it; InputError when its lineage is cyclic. */
  #prepare(sent: RunEvent): Prepared {
    const event = normalizeEvent(sent, this.rewrites);
    const cycle = fieldCycle(event);
    if (cycle) {
      throw new InputError(
        `outputs[].facets.columnLineage: cyclic column lineage ${cycle.join(
          ' ← ',
        )}; a value cannot be computed from itself`,
      );
    }
    return {
      sent,
      event,
      key: eventKey(sent),
      eventTime: new Date(sent.eventTime).toISOString(),
    };
  }

  async #record(tx: Tx, batch: Prepared[]): Promise<RecordResult[]> {
    // Replays: earlier in this batch, or stored before (the insert skips
    // those and returns the keys it wrote).
    const unique = [...new Map(batch.map(p => [p.key, p])).values()];
    const written = new Set<string>();
    for (const chunk of chunks(unique, 50)) {
      const rows: { event_key: string }[] = await tx('lineage_events')
        .insert(
          chunk.map(({ sent, key, eventTime }) => ({
            event_key: key,
            run_id: sent.run.runId,
            event_type: sent.eventType ?? 'OTHER',
            job_namespace: sent.job.namespace,
            job_name: sent.job.name,
            event_time: eventTime,
            body: JSON.stringify(sent),
          })),
        )
        .onConflict('event_key')
        .ignore()
        .returning('event_key');
      rows.forEach(r => written.add(r.event_key));
    }
    const fresh = unique.filter(p => written.has(p.key));
    const first = new Set<string>();
    const results = batch.map(p => {
      const recorded = written.has(p.key) && !first.has(p.key);
      first.add(p.key);
      return { recorded };
    });
    const graphed = fresh.filter(p => p.event.job);
    if (graphed.length) await this.#graph(tx, graphed);
    return results;
  }

  /** Jobs, datasets, fields, facts, and each job's newest inputs, outputs and edges. */
  async #graph(tx: Tx, batch: Prepared[]) {
    const now = new Date().toISOString();
    const takers = await this.#jobs(tx, batch, now);
    const refs = batch.flatMap(({ event }) => [
      ...(event.inputs ?? []),
      ...(event.outputs ?? []),
    ]);
    const edges = batch.map(p => (p.event.outputs ?? []).flatMap(fieldEdges));
    const datasets = await upsertDatasets(
      tx,
      [...refs, ...edges.flat().map(e => e.from)],
      now,
    );
    const fields = await upsertFields(tx, datasets, [
      ...refs.flatMap(d => schemaFields(d).map(f => ({ dataset: d, ...f }))),
      ...edges.flat().flatMap(e => [
        { dataset: e.from, name: e.from.field, type: null },
        { dataset: e.to, name: e.to.field, type: null },
      ]),
    ]);
    const datasetId = (d: { namespace: string; name: string }) =>
      datasets.get(datasetKey(d.namespace, d.name))!;
    for (const { event, eventTime } of batch) {
      for (const ref of [...(event.inputs ?? []), ...(event.outputs ?? [])]) {
        await applyFacts(tx, datasetId(ref), ref, eventTime);
      }
    }

    if (!takers.size) return;
    const io = new Map<string, IoRow>();
    const rows = new Map<string, EdgeRow>();
    const fieldId = (d: { namespace: string; name: string; field: string }) =>
      fields.get(`${datasetId(d)}${SEP}${d.field}`)!;
    for (const [jobId, index] of takers) {
      const { event } = batch[index];
      for (const [list, direction] of [
        [event.inputs ?? [], 'in'],
        [event.outputs ?? [], 'out'],
      ] as const) {
        for (const d of list) {
          const id = datasetId(d);
          io.set(`${jobId}:${id}:${direction}`, {
            job_id: jobId,
            dataset_id: id,
            direction,
          });
        }
      }
      for (const e of edges[index]) {
        const from = fieldId(e.from);
        const to = fieldId(e.to);
        const pair = `${jobId}:${from}:${to}`;
        // One edge per field pair: a DIRECT transformation wins over INDIRECT.
        if (rows.has(pair) && e.type !== 'DIRECT') continue;
        rows.set(pair, {
          job_id: jobId,
          from_field_id: from,
          to_field_id: to,
          transformation_type: e.type ?? null,
          transformation_subtype: e.subtype ?? null,
          description: e.description ?? null,
        });
      }
    }
    const gained = await replaceJobLinks(
      tx,
      [...takers.keys()],
      [...io.values()],
      [...rows.values()],
    );
    if (gained.length) await refuseCycles(tx, gained);
  }

  /**
   * Upserts the batch's jobs, in event order: the SQL of the last event
   * that has some, the newest event's run as the latest run, and, of the
   * events that name inputs or outputs and are not older than those
   * stored, the newest as the one whose inputs, outputs and edges the job
   * takes. Returns job id → index in `batch` of that event.
   */
  async #jobs(tx: Tx, batch: Prepared[], now: string) {
    const jobKey = (p: Prepared) =>
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
}
