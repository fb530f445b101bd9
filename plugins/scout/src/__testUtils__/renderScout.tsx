import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ReactElement } from 'react';
import { ScoutClient, scoutApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { BASE_URL } from './fixtures';

/**
 * Renders an element in a test app whose scout API is the real client
 * (generated OpenAPI client and all) talking to the MSW server, with the
 * Pipeline page's routes mounted at /pipeline.
 */
export function renderScout(
  element: ReactElement,
  options?: { at?: string; mountPath?: string },
) {
  const client = ScoutClient.create({
    discoveryApi: { getBaseUrl: async () => BASE_URL },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
  return renderInTestApp(element, {
    apis: [[scoutApiRef, client]],
    mountedRoutes: { '/pipeline': rootRouteRef },
    mountPath: options?.mountPath ?? '/pipeline/*',
    initialRouteEntries: [options?.at ?? '/pipeline'],
  });
}
