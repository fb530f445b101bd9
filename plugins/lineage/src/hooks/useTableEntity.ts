import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { LAKEHOUSE_TABLE_ANNOTATION } from '@internal/backstage-plugin-lakehouse-common';
import useAsync from 'react-use/esm/useAsync';
import { lakehouseTableOf } from '../lib/layers';

/**
 * The catalog Resource that stands for a dataset's lakehouse table (its
 * `scout.io/lakehouse-table` annotation is `<catalog>/<layer>/<table>`);
 * undefined when there is none, e.g. for a source table.
 */
export function useTableEntity(datasetName: string) {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const table = lakehouseTableOf(datasetName);
    if (!table) return undefined;
    const { items } = await catalogApi.getEntities({
      filter: {
        kind: 'Resource',
        [`metadata.annotations.${LAKEHOUSE_TABLE_ANNOTATION}`]: [
          table.catalog,
          table.namespace,
          table.table,
        ].join('/'),
      },
      fields: ['kind', 'metadata', 'spec', 'relations'],
    });
    return items[0];
  }, [catalogApi, datasetName]);
}
