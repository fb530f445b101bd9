import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  EntityRefLink,
  EntityRefLinks,
  getEntityRelations,
} from '@backstage/plugin-catalog-react';
import { Skeleton, Text } from '@backstage/ui';
import { useTableEntity } from '../../hooks';
import type { Owner } from '../../lib/graph-transformations';

/** Owners as the producers' ownership facet names them. */
function ProducerOwners(props: { owners: Owner[] }) {
  return (
    <>
      {props.owners
        .map(o => (o.type ? `${o.name} (${o.type.toLowerCase()})` : o.name))
        .join(', ')}{' '}
      <Text as="span" variant="body-small" color="secondary">
        (from its producers)
      </Text>
    </>
  );
}

/**
 * The owner of the catalog Resource standing for the dataset's table; for
 * a table the catalog has not, the owners its producers named.
 */
export function TableOwner(props: { datasetName: string; owners?: Owner[] }) {
  const entity = useTableEntity(props.datasetName);
  if (entity.loading) return <Skeleton width={120} height={16} />;
  if (entity.error) {
    return (
      <Text variant="body-small" color="secondary">
        {`The catalog could not be read: ${entity.error.message}`}
      </Text>
    );
  }
  if (!entity.value && props.owners?.length) {
    return <ProducerOwners owners={props.owners} />;
  }
  if (!entity.value) {
    return (
      <Text variant="body-small" color="secondary">
        No catalog entity for this table
      </Text>
    );
  }
  const owners = getEntityRelations(entity.value, RELATION_OWNED_BY);
  return (
    <>
      {owners.length ? (
        <EntityRefLinks entityRefs={owners} defaultKind="group" />
      ) : (
        'no owner'
      )}{' '}
      (<EntityRefLink entityRef={entity.value} title="entity" />)
    </>
  );
}
