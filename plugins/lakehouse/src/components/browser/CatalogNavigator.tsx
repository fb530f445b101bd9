import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { Flex, Text, ToggleButton, ToggleButtonGroup } from '@backstage/ui';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { lakehouseApiRef } from '../../api';
import { sortLayers } from '../../lib/layers';
import { layerHref } from '../../lib/links';
import { useSearchState } from '../../lib/useSearchState';
import { rootRouteRef } from '../../routes';
import { Choices, EmptyState, ErrorPanel, LoadingRows } from '../common';
import styles from '../common/common.module.css';
import { TableList } from './TableList';

/** The layers (namespaces) of one catalog, and the tables of the chosen one. */
export function CatalogNavigator(props: { catalog: string }) {
  const { catalog } = props;
  const api = useApi(lakehouseApiRef);
  const [params, update] = useSearchState();
  const root = useRouteRef(rootRouteRef)?.() ?? '/lakehouse';
  const namespaces = useAsyncRetry(
    async () => sortLayers(await api.listNamespaces(catalog)),
    [api, catalog],
  );

  if (namespaces.error) {
    return <ErrorPanel error={namespaces.error} onRetry={namespaces.retry} />;
  }
  if (!namespaces.value) return <LoadingRows rows={6} />;
  if (namespaces.value.length === 0) {
    return (
      <EmptyState
        title={`No layers in ${catalog} yet: the pipeline has not run.`}
        description="Run ./scripts/yarn scout pipeline run to build bronze, silver, gold and platinum."
      />
    );
  }

  // An unknown ?layer= selects nothing and says which layers there are.
  const asked = params.get('layer');
  const layer = asked
    ? namespaces.value.find(n => n.name === asked)?.name
    : namespaces.value[0].name;
  return (
    <Flex direction="column" gap="4">
      <Flex align="center" gap="3" className={styles.wrap}>
        <Text variant="body-medium" color="secondary">
          Layer
        </Text>
        <ToggleButtonGroup
          aria-label="Layer"
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={layer ? [layer] : []}
          className={styles.wrap}
          onSelectionChange={keys => {
            const [key] = keys;
            if (key !== undefined) update({ layer: String(key), q: undefined });
          }}
        >
          {namespaces.value.map(ns => (
            <ToggleButton key={ns.name} id={ns.name}>
              {`${ns.name} (${ns.tableCount})`}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Flex>
      {layer ? (
        <TableList key={layer} catalog={catalog} namespace={layer} />
      ) : (
        <Choices
          title={`There is no layer "${asked}" in ${catalog}.`}
          description="Its layers:"
          choices={namespaces.value.map(ns => ({
            label: ns.name,
            href: layerHref(root, catalog, ns.name),
          }))}
        />
      )}
    </Flex>
  );
}
