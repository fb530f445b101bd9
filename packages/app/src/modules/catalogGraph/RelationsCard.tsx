import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { EntityCatalogGraphCard } from '@backstage/plugin-catalog-graph';
import { useMemo } from 'react';
import { drawnNeighbours, type RelationsCardSpec } from './relationsByKind';

/**
 * The catalog-graph plugin's card for one spec, drawing no more related
 * entities than its height shows readably: a system with 25 parts would
 * otherwise be drawn at a third of its size. When some are left out, the
 * title says how many are drawn; the card's "View graph" link shows all.
 */
export function RelationsCard(props: {
  spec: RelationsCardSpec;
  Card: typeof EntityCatalogGraphCard;
}) {
  const { spec, Card } = props;
  const { entity } = useEntity();
  const { refs, total } = useMemo(
    () => drawnNeighbours(entity, spec),
    [entity, spec],
  );
  const entityFilter = useMemo(() => {
    if (refs.length === total) return undefined;
    const drawn = new Set([
      ...refs,
      stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
    ]);
    return (e: Entity) =>
      drawn.has(stringifyEntityRef(e).toLocaleLowerCase('en-US'));
  }, [refs, total, entity]);
  return (
    <Card
      title={
        entityFilter ? `${spec.title} (${refs.length} of ${total})` : spec.title
      }
      relations={spec.relations}
      maxDepth={1}
      showArrowHeads
      height={spec.height}
      entityFilter={entityFilter}
    />
  );
}
