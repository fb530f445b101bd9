import { InputError } from '@backstage/errors';
import { NameRewrite, normalizeEvent } from './normalize';
import {
  eventInstant,
  eventKey,
  fieldCycle,
  RunEvent,
  schemaFields,
} from './runEvent';

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

/**
 * The event as the graph sees it; InputError when a field name cannot be
 * stored and queried (see unusableFieldName) or its lineage is cyclic.
 */
export function prepareEvent(
  sent: RunEvent,
  rewrites: NameRewrite[],
  /** Where the event is in the request, for the errors: a batch's index. */
  at = 'request/body',
): PreparedEvent {
  const unusable = unusableFieldName(sent, at);
  if (unusable) throw new InputError(unusable);
  const event = normalizeEvent(sent, rewrites);
  const cycle = fieldCycle(event);
  if (cycle) {
    throw new InputError(
      `${at}/outputs: cyclic column lineage ${cycle.join(
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

/** The longest field name the store keeps (lineage_fields.name). */
const MAX_FIELD_NAME = 1024;

/**
 * Where a field name the validator cannot see is unusable, and why: an
 * output field of a columnLineage facet (an object key), or a nested
 * schema field's dotted path, over 1024 characters or with a colon (node
 * ids are `datasetField:<namespace>:<dataset>:<field>`).
 */
function unusableFieldName(event: RunEvent, at: string): string | undefined {
  const refs = [
    ...(event.inputs ?? []).map((d, i) => [d, `inputs/${i}`] as const),
    ...(event.outputs ?? []).map((d, i) => [d, `outputs/${i}`] as const),
  ];
  for (const [ref, where] of refs) {
    const facets = `${at}/${where}/facets`;
    const lineage = (ref.facets?.columnLineage as { fields?: object })?.fields;
    const names = [
      ...Object.keys(lineage ?? {}).map(n => [
        n,
        `${facets}/columnLineage/fields`,
      ]),
      ...schemaFields(ref).map(f => [f.name, `${facets}/schema/fields`]),
    ];
    for (const [name, path] of names) {
      if (name.length > MAX_FIELD_NAME || name.includes(':')) {
        return `${path}: the field ${JSON.stringify(name.slice(0, 80))}${
          name.length > 80 ? '…' : ''
        } must be at most ${MAX_FIELD_NAME} characters (a nested field's whole dotted path) and hold no colon`;
      }
    }
  }
  return undefined;
}
