import type { Knex } from 'knex';
import type { PreparedEvent } from './preparedEvent';
import { chunks } from './storeRows';

/**
 * Appends events to lineage_events, the log of every event as sent, and
 * returns the keys it wrote. An event whose key is there already is a
 * replay: the insert skips it, so a replay is absorbed in the same
 * statement that records a new event, without a read first.
 */
export async function appendEvents(
  tx: Knex.Transaction,
  events: PreparedEvent[],
): Promise<Set<string>> {
  const written = new Set<string>();
  for (const chunk of chunks(events, 50)) {
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
  return written;
}
