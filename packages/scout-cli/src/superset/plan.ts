/** What provisioning did (or, in a dry run, would do) to one object. */
export type Outcome = 'created' | 'updated' | 'unchanged';

export type ObjectKind =
  | 'database'
  | 'dataset'
  | 'chart'
  | 'dashboard'
  | 'embedding';

/** One object's outcome: its stable key, and for an update the fields that differed. */
export type Change = {
  kind: ObjectKind;
  key: string;
  outcome: Outcome;
  fields: string[];
  /** Superset's id; undefined when a dry run would create it. */
  id?: number;
};

/** Superset's view of an object: its id and the fields we manage, in our shape. */
export type Current = { id: number; fields: Record<string, unknown> };

/** JSON with object keys sorted, so that key order never counts as a change. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const entries = Object.entries(v as Record<string, unknown>);
    entries.sort(([a], [b]) => a.localeCompare(b, 'en'));
    return Object.fromEntries(entries);
  });
}

/** The keys of `desired` whose values differ from `current`'s; every key when there is no current. */
export function changedFields(
  desired: Record<string, unknown>,
  current: Record<string, unknown> | undefined,
): string[] {
  return Object.keys(desired).filter(
    key => !current || canonical(desired[key]) !== canonical(current[key]),
  );
}

/**
 * Brings one object to its desired state: creates it when `current` is
 * undefined, updates it when a managed field differs, else leaves it.
 * A dry run decides the same and calls neither.
 */
export async function reconcile(args: {
  kind: ObjectKind;
  key: string;
  desired: Record<string, unknown>;
  current: Current | undefined;
  dryRun: boolean;
  create: () => Promise<number>;
  update: (id: number, fields: string[]) => Promise<void>;
}): Promise<Change> {
  const { kind, key, desired, current, dryRun } = args;
  if (!current) {
    const id = dryRun ? undefined : await args.create();
    return { kind, key, outcome: 'created', fields: [], id };
  }
  const fields = changedFields(desired, current.fields);
  if (!fields.length) {
    return { kind, key, outcome: 'unchanged', fields, id: current.id };
  }
  if (!dryRun) await args.update(current.id, fields);
  return { kind, key, outcome: 'updated', fields, id: current.id };
}

/** One line per change, then the summary; `dryRun` words it as what would happen. */
export function report(changes: readonly Change[], dryRun: boolean): string[] {
  const width = Math.max(0, ...changes.map(c => c.key.length));
  const verb = (o: Outcome) =>
    dryRun && o !== 'unchanged' ? `would be ${o}` : o;
  const lines = changes.map(
    c =>
      `${c.kind.padEnd(9)} ${c.key.padEnd(width)}  ${verb(c.outcome)}${
        c.fields.length && c.outcome === 'updated'
          ? ` (${c.fields.join(', ')})`
          : ''
      }`,
  );
  const count = (o: Outcome) => changes.filter(c => c.outcome === o).length;
  const changed = count('created') + count('updated');
  lines.push(
    changed
      ? `${dryRun ? 'dry run: ' : ''}${count('created')} ${verb(
          'created',
        )}, ${count('updated')} ${verb('updated')}, ${count(
          'unchanged',
        )} unchanged`
      : `nothing to change: all ${changes.length} objects unchanged`,
  );
  return lines;
}
