import {
  type CompoundEntityRef,
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CATALOG_SLOS_ANNOTATION,
  type SloStatus,
} from '@internal/backstage-plugin-slo-common';

/** The SLO ids an entity's `scout.io/slos` annotation lists, in order. */
export function sloIdsOf(entity: Entity): string[] {
  const value = entity.metadata.annotations?.[CATALOG_SLOS_ANNOTATION] ?? '';
  return value
    .split(',')
    .map(id => id.trim())
    .filter(Boolean);
}

/** A catalog ref, parsed; undefined when it is not one. */
export function parseRef(ref: string): CompoundEntityRef | undefined {
  try {
    return parseEntityRef(ref);
  } catch {
    return undefined;
  }
}

/** "group:default/sre" → "sre"; the namespace only when not default. */
export function shortRef(ref: string): string {
  const parsed = parseRef(ref);
  if (!parsed) return ref;
  return parsed.namespace === 'default'
    ? parsed.name
    : `${parsed.namespace}/${parsed.name}`;
}

/**
 * Worst budget first, SLOs without data last, then by id: the order the
 * API promises, kept here so that a filtered list keeps it too.
 */
export function sortByBudget(items: readonly SloStatus[]): SloStatus[] {
  const rank = (s: SloStatus) =>
    s.errorBudgetRemaining === null ? Infinity : s.errorBudgetRemaining;
  return [...items].sort(
    (a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id),
  );
}

/** The catalog's answer for an SLO's entity: its system, if it has one. */
export function systemOfEntity(entity: Entity): string | undefined {
  if (entity.kind.toLocaleLowerCase('en-US') === 'system') {
    return stringifyEntityRef(entity);
  }
  const system = entity.spec?.system;
  if (typeof system !== 'string' || !system) return undefined;
  return stringifyEntityRef(
    parseEntityRef(system, {
      defaultKind: 'system',
      defaultNamespace: entity.metadata.namespace ?? 'default',
    }),
  );
}

export type SloFilters = { owner?: string; system?: string };

/**
 * The SLOs an owner and a system filter keep. `systemOf` maps an SLO's
 * entity ref to its system's ref (from the catalog).
 */
export function filterSlos(
  items: readonly SloStatus[],
  filters: SloFilters,
  systemOf: ReadonlyMap<string, string>,
): SloStatus[] {
  return items.filter(
    s =>
      (!filters.owner || s.owner === filters.owner) &&
      (!filters.system || systemOf.get(s.entity) === filters.system),
  );
}

/** The alerts firing now (not pending), each with its SLO, pages first. */
export function firingAlerts(items: readonly SloStatus[]) {
  return items
    .flatMap(slo =>
      slo.alerts
        .filter(a => a.state === 'firing')
        .map(alert => ({ slo, alert })),
    )
    .sort(
      (a, b) =>
        Number(b.alert.severity === 'page') -
          Number(a.alert.severity === 'page') ||
        a.slo.id.localeCompare(b.slo.id),
    );
}
