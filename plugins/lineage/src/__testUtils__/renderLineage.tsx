import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { ReactElement } from 'react';
import { LineageClient, lineageApiRef } from '../api';
import {
  lakehouseTableRouteRef,
  pipelineRunRouteRef,
  rootRouteRef,
} from '../routes';
import { BASE_URL } from './fixtures';

/**
 * Renders an element in a test app whose lineage API is the real client
 * (generated OpenAPI client and all) talking to the MSW server, with a
 * catalog holding `entities`.
 */
export function renderLineage(
  element: ReactElement,
  options?: { at?: string; mountPath?: string; entities?: Entity[] },
) {
  const client = LineageClient.create({
    discoveryApi: { getBaseUrl: async () => BASE_URL },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
  return renderInTestApp(element, {
    apis: [
      [lineageApiRef, client],
      [catalogApiRef, catalogApiMock({ entities: options?.entities ?? [] })],
    ],
    mountedRoutes: {
      '/lineage': rootRouteRef,
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      '/lakehouse/:catalog/:namespace/:table': lakehouseTableRouteRef,
      '/pipeline/runs/:runId': pipelineRunRouteRef,
    },
    mountPath: options?.mountPath ?? '/lineage/*',
    initialRouteEntries: [options?.at ?? '/lineage'],
  });
}
