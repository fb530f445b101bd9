import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useSlos } from '../../hooks';
import { sloIdsOf, sortByBudget } from '../../lib/slos';

/**
 * The SLOs of an entity: those its `scout.io/slos` annotation lists and
 * those whose spec names it, worst budget first; and the listed ids that
 * no spec defines.
 */
export function useEntitySlos(entity: Entity) {
  const slos = useSlos();
  const ref = stringifyEntityRef(entity);
  const ids = sloIdsOf(entity);
  const items = slos.value
    ? sortByBudget(
        slos.value.items.filter(s => ids.includes(s.id) || s.entity === ref),
      )
    : undefined;
  const unknownIds = slos.value
    ? ids.filter(id => !slos.value!.items.some(s => s.id === id))
    : [];
  return { ...slos, ref, items, unknownIds };
}
