import type { Knex } from 'knex';
import {
  eventKey,
  fieldEdges,
  jobSql,
  RunEvent,
  schemaFields,
} from './runEvent';
import { NameRewrite, normalizeEvent } from './normalize';

type Tx = Knex.Transaction;

/** The outcome of recording one event. */
export type RecordResult = { recorded: boolean };

/**
 * Writes OpenLineage run events into the lineage tables
 * (migrations/20261201000000_lineage_store.js), one transaction per event,
 * so an event is stored whole or not at all.
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
    const key = eventKey(sent);
    const eventTime = new Date(sent.eventTime).toISOString();
    const event = normalizeEvent(sent, this.rewrites);
    return this.db.transaction(async tx => {
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
      const datasets = new Map<string, number>();
      for (const d of [...inputs, ...outputs]) {
        const id = await this.#dataset(tx, d.namespace, d.name, now);
        datasets.set(`${d.namespace}\u0000${d.name}`, id);
        for (const f of schemaFields(d))
          await this.#field(tx, id, f.name, f.type);
      }
      const takesIo =
        inputs.length + outputs.length > 0 &&
        (!job.io_event_time || job.io_event_time <= eventTime);
      if (!takesIo) return { recorded: true };

      await tx('lineage_jobs')
        .where('id', job.id)
        .update({ io_event_time: eventTime });
      await tx('lineage_job_io').where('job_id', job.id).delete();
      const io = new Map<string, { dataset_id: number; direction: string }>();
      for (const [list, direction] of [
        [inputs, 'in'],
        [outputs, 'out'],
      ] as const) {
        for (const d of list) {
          const id = datasets.get(`${d.namespace}\u0000${d.name}`)!;
          io.set(`${id}:${direction}`, { dataset_id: id, direction });
        }
      }
      if (io.size) {
        await tx('lineage_job_io').insert(
          [...io.values()].map(r => ({ job_id: job.id, ...r })),
        );
      }

      await tx('lineage_field_edges').where('job_id', job.id).delete();
      const edges = new Map<string, Record<string, unknown>>();
      for (const output of outputs) {
        for (const e of fieldEdges(output)) {
          const fromDataset = await this.#dataset(
            tx,
            e.from.namespace,
            e.from.name,
            now,
          );
          const toDataset = datasets.get(
            `${e.to.namespace}\u0000${e.to.name}`,
          )!;
          const from = await this.#field(tx, fromDataset, e.from.field, null);
          const to = await this.#field(tx, toDataset, e.to.field, null);
          const pair = `${from}:${to}`;
          // One edge per field pair: a DIRECT transformation wins over INDIRECT.
          if (edges.has(pair) && e.type !== 'DIRECT') continue;
          edges.set(pair, {
            job_id: job.id,
            from_field_id: from,
            to_field_id: to,
            transformation_type: e.type,
            transformation_subtype: e.subtype,
            description: e.description,
          });
        }
      }
      for (const chunk of chunks([...edges.values()], 200)) {
        await tx('lineage_field_edges').insert(chunk);
      }
      return { recorded: true };
    });
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
    const latest = job.latest_run_id
      ? await tx('lineage_events')
          .where('run_id', job.latest_run_id)
          .max('event_time as t')
          .first()
      : undefined;
    if (!latest?.t || latest.t <= eventTime) {
      update.latest_run_id = event.run.runId;
      update.latest_run_state = event.eventType ?? 'OTHER';
    }
    await tx('lineage_jobs').where('id', job.id).update(update);
    return job as { id: number; io_event_time: string | null };
  }

  async #dataset(
    tx: Tx,
    namespace: string,
    name: string,
    now: string,
  ): Promise<number> {
    await tx('lineage_datasets')
      .insert({ namespace, name, updated_at: now })
      .onConflict(['namespace', 'name'])
      .merge(['updated_at']);
    const row = await tx('lineage_datasets')
      .where({ namespace, name })
      .first('id');
    return row.id;
  }

  async #field(
    tx: Tx,
    datasetId: number,
    name: string,
    type: string | null,
  ): Promise<number> {
    const insert = tx('lineage_fields')
      .insert({ dataset_id: datasetId, name, type })
      .onConflict(['dataset_id', 'name']);
    await (type ? insert.merge(['type']) : insert.ignore());
    const row = await tx('lineage_fields')
      .where({ dataset_id: datasetId, name })
      .first('id');
    return row.id;
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}
