import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Alert, ButtonLink, Flex } from '@backstage/ui';
import {
  LAKEHOUSE_TABLE_ANNOTATION,
  parseLakehouseTableRef,
} from '@internal/backstage-plugin-lakehouse-common';
import { tableRouteRef } from '../routes';
import { TableView } from './table/TableView';

/** The Lakehouse tab of a Resource: the same views as the Lakehouse page. */
export function EntityLakehouseContent() {
  const { entity } = useEntity();
  const value = entity.metadata.annotations?.[LAKEHOUSE_TABLE_ANNOTATION];
  const tableRef = parseLakehouseTableRef(value);
  const tableLink = useRouteRef(tableRouteRef);

  if (!tableRef) {
    return (
      <Alert
        status="warning"
        icon
        title="This entity does not name a lakehouse table"
        description={`Its ${LAKEHOUSE_TABLE_ANNOTATION} annotation is "${
          value ?? ''
        }"; it must be <catalog>/<namespace>/<table>, e.g. iceberg/gold/gold_daily_store_sales.`}
      />
    );
  }
  return (
    <Flex direction="column" gap="3">
      {tableLink && (
        <Flex justify="end">
          <ButtonLink
            variant="secondary"
            size="small"
            href={tableLink(tableRef)}
          >
            Open in Lakehouse
          </ButtonLink>
        </Flex>
      )}
      <TableView tableRef={tableRef} />
    </Flex>
  );
}
