import { InputError } from '@backstage/errors';
import { NameRewrite, normalizeEvent } from './normalize';
import { eventInstant, eventKey, fieldCycle, RunEvent } from './runEvent';

/**
 * An event as the store writes it: the one sent (kept verbatim in the
 * event log), the one the graph sees (normalized), its replay key and its
 * time in UTC. Prepared before any transaction, so a bad event fails alone.
 */
export type PreparedEvent = {
  sent: RunEvent;
  event: ReturnType<typeof normalizeEvent>;
  key: string;
  eventTime: string;
};

/** The event as the graph sees it; InputError when its lineage is cyclic. */
export function prepareEvent(
  sent: RunEvent,
  rewrites: NameRewrite[],
): PreparedEvent {
  const event = normalizeEvent(sent, rewrites);
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
    eventTime: eventInstant(sent.eventTime),
  };
}
