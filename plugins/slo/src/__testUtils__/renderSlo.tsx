import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { ReactElement } from 'react';
import { SloClient, sloApiRef } from '../api';
import { catalogEntityRouteRef, rootRouteRef } from '../routes';
import { BASE_URL } from './fixtures';

/** Catalog entities of the fixtures' SLOs, each in its system. */
export const catalogEntities: Entity[] = [
  ['Component', 'ingest-transaction', 'scout-ingestion'],
  ['Component', 'scout-portal', 'scout-delivery'],
  ['Resource', 'iceberg-gold', 'scout-lakehouse'],
].map(([kind, name, system]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: { system, owner: 'data-engineering', type: 'x' },
}));

/**
 * Renders an element in a test app whose SLO API is the real client
 * (generated OpenAPI client and all) talking to the MSW server, with a
 * catalog holding `entities` (by default the SLOs' entities).
 */
export function renderSlo(
  element: ReactElement,
  options?: {
    at?: string;
    mountPath?: string;
    entities?: Entity[];
    catalogApi?: typeof catalogApiRef.T;
  },
) {
  const client = SloClient.create({
    discoveryApi: { getBaseUrl: async () => BASE_URL },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
  return renderInTestApp(element, {
    apis: [
      [sloApiRef, client],
      [
        catalogApiRef,
        options?.catalogApi ??
          catalogApiMock({ entities: options?.entities ?? catalogEntities }),
      ],
    ],
    mountedRoutes: {
      '/slo': rootRouteRef,
      '/catalog/:namespace/:kind/:name': catalogEntityRouteRef,
    },
    mountPath: options?.mountPath ?? '/slo/*',
    initialRouteEntries: [options?.at ?? '/slo'],
  });
}
