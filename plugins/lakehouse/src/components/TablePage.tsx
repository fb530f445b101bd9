import { useRouteRef, useRouteRefParams } from '@backstage/frontend-plugin-api';
import { Flex, Link } from '@backstage/ui';
import { rootRouteRef, tableRouteRef } from '../routes';
import { FreshnessBadge } from './table/FreshnessBadge';
import { TableView } from './table/TableView';

/** A table at its own address, with the way back to its layer. */
export function TablePage() {
  const { catalog, namespace, table } = useRouteRefParams(tableRouteRef);
  const root = useRouteRef(rootRouteRef);
  const layer = new URLSearchParams({ catalog, layer: namespace });
  return (
    <Flex direction="column" gap="3">
      {root && (
        <Link href={`${root()}?${layer}`} variant="body-medium">
          {`← All tables in ${namespace}`}
        </Link>
      )}
      <FreshnessBadge catalog={catalog} namespace={namespace} />
      <TableView tableRef={{ catalog, namespace, table }} />
    </Flex>
  );
}
