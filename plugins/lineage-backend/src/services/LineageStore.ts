import { InputError } from '@backstage/errors';
import type { Knex } from 'knex';
import { inChunks } from './collections';
import { applyFacts, applyLastRun, type LastRun } from './DatasetFacts';
import { NameRewrite, normalizeEvent, renameRef } from './normalize';
import {
  DatasetRef,
  eventKey,
  fieldCycle,
  fieldEdges,
  jobSql,
  qualityAssertions,
  RunEvent,
  schemaFields,
  sourceFreshness,
} from './runEvent';

type Tx = Knex.Transaction;

/** The outcome of recording one event. */
export type RecordResult = { recorded: boolean };

const SEP = '\u0000';
const datasetKey = (namespace: string, name: string) =>
  `${namespace}${SEP}${name}`;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}

/**
 * Writes OpenLineage run events into the lineage tables
 * (migrations/20261201000000_lineage_store.js), one transaction per event,
 * so an event is stored whole or not at all. Datasets and fields are
 * written a statement per kind, not per row, so an event costs about a
 * dozen statements whatever its size; rows are sorted so concurrent events
 * take locks in the same order.
 */
export class LineageStore {
  constructor(
    private readonly db: Knex,
    /** Dataset-name rewrites (lineage.datasetNameRewrites). */
    private readonly rewrites: NameRewrite[] = [],
  ) {}

  /**
   * Records one event. `recorded` is false for a replay (the same event,
   * byte for byte after key order), which changes nothing. A job's inputs,
   * outputs and column edges become this event's when it names any and is
   * not older than the event that set them. The graph sees the event as
   * normalizeEvent rewrites it; the stored event is the one sent.
   */
  async record(sent: RunEvent): Promise<RecordResult> {
    return this.db.transaction(tx => this.#record(tx, sent));
  }

  /**
   * Records events in order in one transaction: all of them, or (on any
   * error) none. Replays among them are absorbed as in record().
   */
  async recordAll(events: RunEvent[]): Promise<RecordResult[]> {
    return this.db.transaction(async tx => {
      const results: RecordResult[] = [];
      for (const event of events) results.push(await this.#record(tx, event));
      return results;
    });
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
        const ids = await this.#datasets(tx, refs, now);
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
      const ids = await this.#datasets(tx, refs, new Date().toISOString());
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

  async #record(tx: Tx, sent: RunEvent): Promise<RecordResult> {
    const event = normalizeEvent(sent, this.rewrites);
    const cycle = fieldCycle(event);
    if (cycle) {
      throw new InputError(
        `outputs[].facets.columnLineage: cyclic column lineage ${cycle.join(
          ' ← ',
        )}; a value cannot be computed from itself`,
      );
    }
    const key = eventKey(sent);
    const eventTime = new Date(sent.eventTime).toISOString();
    const seen = await tx('lineage_events').where('event_key', key).first();
    if (seen) return { recorded: false };
    await tx('lineage_events').insert({
      event_key: key,
      run_id: sent.run.runId,
      event_type: sent.eventType ?? 'OTHER',
      job_namespace: sent.job.namespace,
      job_name: sent.job.name,
      event_time: eventTime,
      body: JSON.stringify(sent),
    });
    if (!event.job) return { recorded: true };
    const now = new Date().toISOString();
    const job = await this.#job(
      tx,
      { ...event, job: event.job },
      eventTime,
      now,
    );
    const inputs = event.inputs ?? [];
    const outputs = event.outputs ?? [];
    const edges = outputs.flatMap(fieldEdges);
    const datasets = await this.#datasets(
      tx,
      [...inputs, ...outputs, ...edges.map(e => e.from)],
      now,
    );
    const fields = await this.#fields(tx, datasets, [
      ...[...inputs, ...outputs].flatMap(d =>
        schemaFields(d).map(f => ({ dataset: d, ...f })),
      ),
      ...edges.flatMap(e => [
        { dataset: e.from, name: e.from.field, type: null },
        { dataset: e.to, name: e.to.field, type: null },
      ]),
    ]);

    for (const ref of [...inputs, ...outputs]) {
      const id = datasets.get(datasetKey(ref.namespace, ref.name))!;
      await applyFacts(tx, id, ref, eventTime);
    }

    const takesIo =
      inputs.length + outputs.length > 0 &&
      (!job.io_event_time || job.io_event_time <= eventTime);
    if (!takesIo) return { recorded: true };
    await tx('lineage_jobs')
      .where('id', job.id)
      .update({ io_event_time: eventTime });

    await tx('lineage_job_io').where('job_id', job.id).delete();
    const io = new Map<
      string,
      { job_id: number; dataset_id: number; direction: string }
    >();
    for (const [list, direction] of [
      [inputs, 'in'],
      [outputs, 'out'],
    ] as const) {
      for (const d of list) {
        const id = datasets.get(datasetKey(d.namespace, d.name))!;
        io.set(`${id}:${direction}`, {
          job_id: job.id,
          dataset_id: id,
          direction,
        });
      }
    }
    for (const chunk of chunks([...io.values()], 300)) {
      await tx('lineage_job_io').insert(chunk);
    }

    await tx('lineage_field_edges').where('job_id', job.id).delete();
    const rows = new Map<string, Record<string, unknown>>();
    const fieldId = (d: { namespace: string; name: string; field: string }) =>
      fields.get(
        `${datasets.get(datasetKey(d.namespace, d.name))}${SEP}${d.field}`,
      )!;
    for (const e of edges) {
      const from = fieldId(e.from);
      const to = fieldId(e.to);
      const pair = `${from}:${to}`;
      // One edge per field pair: a DIRECT transformation wins over INDIRECT.
      if (rows.has(pair) && e.type !== 'DIRECT') continue;
      rows.set(pair, {
        job_id: job.id,
        from_field_id: from,
        to_field_id: to,
        transformation_type: e.type,
        transformation_subtype: e.subtype,
        description: e.description,
      });
    }
    for (const chunk of chunks([...rows.values()], 150)) {
      await tx('lineage_field_edges').insert(chunk);
    }
    return { recorded: true };
  }

  async #job(tx: Tx, event: RunEvent, eventTime: string, now: string) {
    const { namespace, name } = event.job;
    const sql = jobSql(event);
    await tx('lineage_jobs')
      .insert({ namespace, name, sql, updated_at: now })
      .onConflict(['namespace', 'name'])
      .ignore();
    const job = await tx('lineage_jobs').where({ namespace, name }).first();
    const update: Record<string, unknown> = { updated_at: now };
    if (sql) update.sql = sql;
    // The latest run is the one with the newest event.
    if (!job.latest_event_time || job.latest_event_time <= eventTime) {
      update.latest_run_id = event.run.runId;
      update.latest_run_state = event.eventType ?? 'OTHER';
      update.latest_event_time = eventTime;
    }
    await tx('lineage_jobs').where('id', job.id).update(update);
    return job as { id: number; io_event_time: string | null };
  }

  /** Upserts datasets; their ids by datasetKey. */
  async #datasets(
    tx: Tx,
    refs: Pick<DatasetRef, 'namespace' | 'name'>[],
    now: string,
  ): Promise<Map<string, number>> {
    const unique = [
      ...new Map(refs.map(r => [datasetKey(r.namespace, r.name), r])).entries(),
    ]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, r]) => ({ namespace: r.namespace, name: r.name }));
    const ids = new Map<string, number>();
    for (const chunk of chunks(unique, 200)) {
      await tx('lineage_datasets')
        .insert(chunk.map(r => ({ ...r, updated_at: now })))
        .onConflict(['namespace', 'name'])
        .merge(['updated_at']);
      const rows: { id: number; namespace: string; name: string }[] = await tx(
        'lineage_datasets',
      )
        .whereIn(
          ['namespace', 'name'],
          chunk.map(r => [r.namespace, r.name]),
        )
        .select('id', 'namespace', 'name');
      rows.forEach(r => ids.set(datasetKey(r.namespace, r.name), r.id));
    }
    return ids;
  }

  /**
   * Keeps each dataset's dataQualityAssertions facet (an output's `facets`,
   * an input's `inputFacets`) when this event is not older than the one
   * that set the stored assertions.
   */
  /**
   * Upserts fields (a known type replaces a stored one; an unknown type
   * leaves it); their ids by `<dataset id>\0<field>`.
   */
  async #fields(
    tx: Tx,
    datasets: Map<string, number>,
    fields: {
      dataset: { namespace: string; name: string };
      name: string;
      type: string | null;
    }[],
  ): Promise<Map<string, number>> {
    const byKey = new Map<
      string,
      { dataset_id: number; name: string; type: string | null }
    >();
    for (const f of fields) {
      const datasetId = datasets.get(
        datasetKey(f.dataset.namespace, f.dataset.name),
      )!;
      const k = `${datasetId}${SEP}${f.name}`;
      if (!byKey.has(k) || f.type)
        byKey.set(k, { dataset_id: datasetId, name: f.name, type: f.type });
    }
    const rows = [...byKey.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, r]) => r);
    const ids = new Map<string, number>();
    for (const chunk of chunks(rows, 200)) {
      const typed = chunk.filter(r => r.type);
      const untyped = chunk.filter(r => !r.type);
      if (typed.length) {
        await tx('lineage_fields')
          .insert(typed)
          .onConflict(['dataset_id', 'name'])
          .merge(['type']);
      }
      if (untyped.length) {
        await tx('lineage_fields')
          .insert(untyped)
          .onConflict(['dataset_id', 'name'])
          .ignore();
      }
      const found: { id: number; dataset_id: number; name: string }[] =
        await tx('lineage_fields')
          .whereIn(
            ['dataset_id', 'name'],
            chunk.map(r => [r.dataset_id, r.name]),
          )
          .select('id', 'dataset_id', 'name');
      found.forEach(r => ids.set(`${r.dataset_id}${SEP}${r.name}`, r.id));
    }
    return ids;
  }
}
