import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ReactElement } from 'react';
import { LakehouseClient, lakehouseApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { BASE_URL } from './fixtures';

/**
 * Renders an element in a test app whose lakehouse API is the real client
 * (generated OpenAPI client and all) talking to the MSW server.
 */
export function renderLakehouse(
  element: ReactElement,
  options?: { at?: string; mountPath?: string },
) {
  const client = LakehouseClient.create({
    discoveryApi: { getBaseUrl: async () => BASE_URL },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
  return renderInTestApp(element, {
    apis: [[lakehouseApiRef, client]],
    mountedRoutes: { '/lakehouse': rootRouteRef },
    mountPath: options?.mountPath ?? '/lakehouse/*',
    initialRouteEntries: [options?.at ?? '/lakehouse'],
  });
}
