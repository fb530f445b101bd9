import { useRouteRef } from '@backstage/frontend-plugin-api';
import { Container, Link } from '@backstage/ui';
import { Navigate, Route, Routes, useParams } from 'react-router-dom';
import { layerHref } from '../lib/links';
import { rootRouteRef } from '../routes';
import { LakehouseBrowser } from './browser/LakehouseBrowser';
import { EmptyState } from './common';
import { TablePage } from './TablePage';

/**
 * A catalog or layer address (`/lakehouse/<catalog>[/<layer>]`) is the
 * navigator showing it: redirect there, where unknown names are explained.
 */
function LayerRedirect() {
  const { catalog, namespace } = useParams();
  const root = useRouteRef(rootRouteRef)?.() ?? '/lakehouse';
  return <Navigate replace to={layerHref(root, catalog!, namespace)} />;
}

/** Any other address under /lakehouse. */
function NoSuchPage() {
  const root = useRouteRef(rootRouteRef)?.() ?? '/lakehouse';
  return (
    <EmptyState
      title="No such page in the Lakehouse"
      description="Lakehouse addresses are /lakehouse, /lakehouse/<catalog>/<layer> and /lakehouse/<catalog>/<layer>/<table>."
    >
      <Link href={root}>Browse every layer and table</Link>
    </EmptyState>
  );
}

/**
 * /lakehouse: the navigator; /lakehouse/:catalog/:namespace/:table: a table;
 * a catalog or layer address redirects to the navigator; anything else says
 * there is no such page.
 */
export function LakehousePage() {
  return (
    <Container py="4">
      <Routes>
        <Route path="/" element={<LakehouseBrowser />} />
        <Route path="/:catalog/:namespace/:table" element={<TablePage />} />
        <Route path="/:catalog/:namespace?" element={<LayerRedirect />} />
        <Route path="*" element={<NoSuchPage />} />
      </Routes>
    </Container>
  );
}
