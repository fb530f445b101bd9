import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { Flex, Select } from '@backstage/ui';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { lakehouseApiRef } from '../../api';
import { layerHref } from '../../lib/links';
import { useSearchState } from '../../lib/useSearchState';
import { rootRouteRef } from '../../routes';
import { Choices, EmptyState, ErrorPanel, LoadingRows } from '../common';
import { RunPipelineButton } from '../pipeline/RunPipelineButton';
import { CatalogNavigator } from './CatalogNavigator';
import styles from '../common/common.module.css';

/** The navigator: catalog (when there are several), layer, tables. */
export function LakehouseBrowser() {
  const api = useApi(lakehouseApiRef);
  const [params, update] = useSearchState();
  const root = useRouteRef(rootRouteRef)?.() ?? '/lakehouse';
  const catalogs = useAsyncRetry(() => api.listCatalogs(), [api]);

  if (catalogs.error) {
    return <ErrorPanel error={catalogs.error} onRetry={catalogs.retry} />;
  }
  if (!catalogs.value) return <LoadingRows rows={6} />;
  if (catalogs.value.length === 0) {
    return (
      <EmptyState
        title="No lakehouse catalogs"
        description="The lakehouse backend serves no catalog; check the lakehouse section of app-config.yaml."
      />
    );
  }

  const asked = params.get('catalog');
  const catalog = asked
    ? catalogs.value.find(c => c.name === asked)
    : catalogs.value[0];
  if (!catalog) {
    return (
      <Choices
        title={`There is no lakehouse catalog "${asked}".`}
        description="The catalogs of this portal:"
        choices={catalogs.value.map(c => ({
          label: `${c.name} (${c.engine})`,
          href: layerHref(root, c.name),
        }))}
      />
    );
  }
  return (
    <Flex direction="column" gap="4">
      <RunPipelineButton />
      {catalogs.value.length > 1 && (
        <Select
          className={styles.picker}
          label="Catalog"
          options={catalogs.value.map(c => ({
            id: c.name,
            label: `${c.name} (${c.engine})`,
          }))}
          value={catalog.name}
          onChange={key =>
            update({ catalog: String(key), layer: undefined, q: undefined })
          }
        />
      )}
      <CatalogNavigator key={catalog.name} catalog={catalog.name} />
    </Flex>
  );
}
