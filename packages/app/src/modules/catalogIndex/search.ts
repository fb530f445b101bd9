import { getEntityRelations } from '@backstage/plugin-catalog-react';
import type { EntityRow } from '@backstage/plugin-catalog-react/alpha';
import { RELATION_OWNED_BY, RELATION_PART_OF } from '@backstage/catalog-model';

/** What the Filter box matches in a row: the words its columns show. */
function searchText(entity: EntityRow): string {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const related = [RELATION_OWNED_BY, RELATION_PART_OF].flatMap(relation =>
    getEntityRelations(entity, relation).map(ref => ref.name),
  );
  return [
    entity.metadata.name,
    entity.metadata.title,
    entity.metadata.description,
    entity.metadata.namespace,
    ...(entity.metadata.tags ?? []),
    spec.type,
    spec.lifecycle,
    ...related,
  ]
    .filter(word => typeof word === 'string')
    .join(' ')
    .toLocaleLowerCase();
}

/**
 * The rows whose shown words contain every word of the search, in any
 * order and case ("trino gold" finds a row with both); all rows for an
 * empty search.
 */
export function matchesSearch(rows: EntityRow[], search: string): EntityRow[] {
  const words = search.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return rows;
  return rows.filter(row => {
    const text = searchText(row);
    return words.every(word => text.includes(word));
  });
}
