import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  EntityRefLink,
  EntityRefLinks,
  getEntityRelations,
} from '@backstage/plugin-catalog-react';
import { Skeleton, Text } from '@backstage/ui';
import { useTableEntity } from '../../hooks';

/** The owner of the catalog Resource standing for the dataset's table. */
export function TableOwner(props: { datasetName: string }) {
  const entity = useTableEntity(props.datasetName);
  if (entity.loading) return <Skeleton width={120} height={16} />;
  if (entity.error) {
    return (
      <Text variant="body-small" color="secondary">
        {`The catalog could not be read: ${entity.error.message}`}
      </Text>
    );
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
