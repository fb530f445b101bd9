import type { Knex } from 'knex';
import { inChunks } from './collections';
import { applyFacts, applyLastRun, type LastRun } from './DatasetFacts';
import { appendEvents } from './eventLog';
import { refuseCycles } from './fieldCycles';
import { GroupCommit } from './GroupCommit';
import { type EdgeRow, type IoRow, replaceJobLinks } from './jobLinks';
import {
  DROPPED,
  lifecycleSnapshot,
  lifecycleState,
  originSnapshot,
  renamedAway,
  renames,
} from './lifecycle';
import { NameRewrite, normalizeEvent, renameRef } from './normalize';
import { type PreparedEvent, prepareEvent } from './preparedEvent';
import {
  eventInstant,
  DatasetRef,
  fieldEdges,
  lastWriteSnapshot,
  ownersSnapshot,
  qualityAssertions,
  RunEvent,
  schemaSnapshot,
  sourceFreshness,
} from './runEvent';
import { datasetKey, SEP, upsertDatasets, upsertFields } from './storeRows';
import { upsertJobs } from './upsertJobs';

type Tx = Knex.Transaction;

/** An output its event dropped: no dataset the job built. */
const dropped = (output: DatasetRef) => lifecycleState(output) === DROPPED;

/** The outcome of recording one event. */
export type RecordResult = { recorded: boolean };

/**
 * Writes OpenLineage run events into the lineage tables
 * (migrations/20261201000000_lineage_store.js). A batch of events is one
 * transaction, stored whole or not at all, and costs about a dozen
 * statements whatever its size: rows of a kind are written together,
 * sorted so concurrent writers take locks in the same order. Single
 * events from producers are grouped (GroupCommit). The event log and the
 * job rows have their own files (eventLog, upsertJobs).
 */
export class LineageStore {
  readonly #group: GroupCommit<RunEvent, PreparedEvent, RecordResult>;

  constructor(
    private readonly db: Knex,
    /** Dataset-name rewrites (lineage.datasetNameRewrites). */
    private readonly rewrites: NameRewrite[] = [],
  ) {
    this.#group = new GroupCommit(
      event => prepareEvent(event, this.rewrites),
      batch => this.db.transaction(tx => this.#record(tx, batch)),
    );
  }

  /**
   * Records one event. `recorded` is false for a replay (the same event,
   * byte for byte after key order), which changes nothing. How the event
   * changes its job's inputs, outputs and column edges: upsertJobs. The
   * graph sees the event as normalizeEvent rewrites it; the stored event
   * is the one sent. Events
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
    const prepared = events.map((sent, i) =>
      prepareEvent(sent, this.rewrites, `request/body/${i}`),
    );
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
        const eventTime = eventInstant(sent.eventTime);
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

  async #record(tx: Tx, batch: PreparedEvent[]): Promise<RecordResult[]> {
    // Replays: earlier in this batch, or stored before (the insert skips
    // those and returns the keys it wrote).
    const unique = [...new Map(batch.map(p => [p.key, p])).values()];
    const written = await appendEvents(tx, unique);
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
  async #graph(tx: Tx, batch: PreparedEvent[]) {
    const now = new Date().toISOString();
    const plans = await upsertJobs(tx, batch, now);
    // Each dataset the batch names, with its schema and owners as of its
    // event, and what the event did to those it outputs (and when, by whom).
    const facts = (d: DatasetRef, eventTime: string) => ({
      schema: schemaSnapshot(d, eventTime),
      owners: ownersSnapshot(d, eventTime),
    });
    const refs = batch.flatMap(({ event, eventTime }) => [
      ...(event.inputs ?? []).map(d => ({ ...d, ...facts(d, eventTime) })),
      ...(event.outputs ?? []).map(d => ({
        ...d,
        ...facts(d, eventTime),
        lifecycle: lifecycleSnapshot(d, eventTime),
        origin: originSnapshot(d, eventTime),
        lastWrite: lastWriteSnapshot(event as RunEvent, d, eventTime),
      })),
    ]);
    // The old names of those it renamed, as of the event: renamed away.
    const renamed = batch.map(p => renames(p.event.outputs ?? []));
    const oldNames = batch.flatMap(({ eventTime }, index) =>
      renamed[index].map(({ from, to }) => ({
        ...from,
        lifecycle: renamedAway(to, eventTime),
      })),
    );
    const edges = batch.map(p => (p.event.outputs ?? []).flatMap(fieldEdges));
    const datasets = await upsertDatasets(
      tx,
      [...refs, ...oldNames, ...edges.flat().map(e => e.from)],
      now,
    );
    const fields = await upsertFields(tx, datasets, [
      ...refs.flatMap(d =>
        (d.schema?.fields ?? []).map(f => ({ dataset: d, ...f })),
      ),
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

    if (!plans.size) return;
    const io = new Map<string, IoRow>();
    const rows = new Map<string, EdgeRow>();
    const fieldId = (d: { namespace: string; name: string; field: string }) =>
      fields.get(`${datasetId(d)}${SEP}${d.field}`)!;
    const taken = [...plans].flatMap(([jobId, plan]) =>
      plan.events.map(index => [jobId, index] as const),
    );
    for (const [jobId, index] of taken) {
      const { event } = batch[index];
      // A dataset its column lineage reads is an input, listed or not, and
      // so is the old name of a dataset it renamed: old → job → new.
      for (const [list, direction] of [
        [
          [
            ...(event.inputs ?? []),
            ...edges[index].map(e => e.from),
            ...renamed[index].map(r => r.from),
          ],
          'in',
        ],
        // A DROP ends the dataset: the job did not build it.
        [(event.outputs ?? []).filter(d => !dropped(d)), 'out'],
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
      new Map([...plans].map(([jobId, plan]) => [jobId, plan.replace])),
      [...io.values()],
      [...rows.values()],
    );
    if (gained.length) await refuseCycles(tx, gained);
  }
}
