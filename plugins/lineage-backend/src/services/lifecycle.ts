import { type DatasetRef, record, text } from './runEvent';

/** A dataset's namespace and name. */
export type DatasetName = { namespace: string; name: string };

/** A lifecycleStateChange that ends a dataset: after it, nothing is there. */
export const DROPPED = 'DROP';
/** A lifecycleStateChange that gives a dataset a new name: the output's. */
export const RENAMED = 'RENAME';

/**
 * What an event does to a dataset it outputs: its lifecycleStateChange
 * facet's state (DROP, TRUNCATE, OVERWRITE, …), or null for a plain write.
 */
export function lifecycleState(output: DatasetRef): string | null {
  const facet = record(record(output.facets)?.lifecycleStateChange);
  return text(facet?.lifecycleStateChange);
}

/**
 * A RENAME output's old name: the facet's previousIdentifier, when it names
 * a dataset the store can keep (lineage_datasets' lengths, no colon in the
 * name, as the validator's Name) other than the output. Anything else, or
 * none, is no old name: the rename is recorded without a link rather than
 * refused, as openapi.yaml says.
 */
/** openapi.yaml's limits on a dataset ref (Name, and namespace's length). */
const MAX_NAMESPACE = 512;
const MAX_NAME = 1024;

export function renamedFrom(output: DatasetRef): DatasetName | undefined {
  if (lifecycleState(output) !== RENAMED) return undefined;
  const previous = record(
    record(record(output.facets)?.lifecycleStateChange)?.previousIdentifier,
  );
  const namespace = text(previous?.namespace);
  const name = text(previous?.name);
  if (!namespace || namespace.length > MAX_NAMESPACE) return undefined;
  if (!name || name.length > MAX_NAME || name.includes(':')) return undefined;
  const self = namespace === output.namespace && name === output.name;
  return self ? undefined : { namespace, name };
}

/** What an event did to a dataset it outputs, as of the event's time. */
export function lifecycleSnapshot(output: DatasetRef, eventTime: string) {
  return { state: lifecycleState(output), eventTime };
}

/**
 * Where a dataset an event wrote came from, as of the event's time: a
 * RENAME's old name, or null (a plain write: the name's own table).
 */
export function originSnapshot(output: DatasetRef, eventTime: string) {
  return { renamedFrom: renamedFrom(output) ?? null, eventTime };
}

/**
 * The event's renames that name their old dataset. Their columns get only
 * the edges the event's columnLineage declares: a rename alone makes none.
 */
export function renames(outputs: DatasetRef[]) {
  return outputs.flatMap(to => {
    const from = renamedFrom(to);
    return from
      ? [{ from, to: { namespace: to.namespace, name: to.name } }]
      : [];
  });
}

/**
 * What a rename leaves at the old name, as of its event: a RENAME whose
 * renamedTo is the new name. Newest wins, so a later write of the old name
 * (a table created again) makes it a live dataset again.
 */
export const renamedAway = (to: DatasetName, eventTime: string) => ({
  state: RENAMED,
  eventTime,
  renamedTo: to,
});
