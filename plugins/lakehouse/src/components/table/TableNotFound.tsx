import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { LakehouseApi, lakehouseApiRef, TableRef } from '../../api';
import { sortLayers } from '../../lib/layers';
import { layerHref } from '../../lib/links';
import { rootRouteRef, tableRouteRef } from '../../routes';
import { Choice, Choices } from '../common';

type Links = {
  root: string;
  table?: (ref: TableRef) => string;
};

const MAX_TABLES = 30;

/**
 * What exists where the address went wrong: the catalogs when the catalog
 * is unknown, else its layers when the layer is, else the layer's tables.
 */
async function whatExists(
  api: LakehouseApi,
  { catalog, namespace, table }: TableRef,
  links: Links,
): Promise<{ title: string; description: string; choices: Choice[] }> {
  const catalogs = await api.listCatalogs();
  if (!catalogs.some(c => c.name === catalog)) {
    return {
      title: `There is no lakehouse catalog "${catalog}".`,
      description: 'The catalogs of this portal:',
      choices: catalogs.map(c => ({
        label: c.name,
        href: layerHref(links.root, c.name),
      })),
    };
  }
  const layers = sortLayers(await api.listNamespaces(catalog));
  if (!layers.some(l => l.name === namespace)) {
    return {
      title: `There is no layer "${namespace}" in ${catalog}.`,
      description: 'Its layers:',
      choices: layers.map(l => ({
        label: l.name,
        href: layerHref(links.root, catalog, l.name),
      })),
    };
  }
  const tables = await api.listTables(catalog, namespace);
  const shown = tables.slice(0, MAX_TABLES);
  return {
    title: `There is no table "${table}" in ${catalog} / ${namespace}.`,
    description:
      tables.length > shown.length
        ? `The first ${shown.length} of its ${tables.length} tables:`
        : `Its tables (${tables.length}):`,
    choices: [
      ...shown.map(t => ({
        label: t.name,
        href:
          links.table?.({ catalog, namespace, table: t.name }) ??
          layerHref(links.root, catalog, namespace),
      })),
      ...(tables.length > shown.length
        ? [
            {
              label: `All tables in ${namespace}`,
              href: layerHref(links.root, catalog, namespace),
            },
          ]
        : []),
    ],
  };
}

/**
 * Under the "Not found" of a table that does not exist: the valid names at
 * the level where the address went wrong. Says nothing when those cannot be
 * read either; the error above already explains.
 */
export function TableNotFound(props: { tableRef: TableRef }) {
  const { catalog, namespace, table } = props.tableRef;
  const api = useApi(lakehouseApiRef);
  const root = useRouteRef(rootRouteRef)?.() ?? '/lakehouse';
  const tableLink = useRouteRef(tableRouteRef);
  const found = useAsync(
    () =>
      whatExists(
        api,
        { catalog, namespace, table },
        { root, table: tableLink },
      ),
    [api, catalog, namespace, table, root, tableLink],
  );
  return found.value ? <Choices {...found.value} /> : null;
}
