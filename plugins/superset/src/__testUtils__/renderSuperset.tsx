import { renderInTestApp } from '@backstage/frontend-test-utils';
import type { Dashboard } from '@internal/backstage-plugin-superset-common';
import { embedDashboard } from '@superset-ui/embedded-sdk';
import { ReactElement } from 'react';
import { supersetApiRef, type SupersetApi } from '../api';
import { rootRouteRef } from '../routes';
import { guestToken, list, salesDashboard, ingestDashboard } from './fixtures';

/**
 * A superset API answering the fixtures: the two dashboards, Superset ready,
 * a guest token for each known slug. Tests replace single answers.
 */
export function mockSupersetApi(): jest.Mocked<SupersetApi> {
  const known: Dashboard[] = [salesDashboard, ingestDashboard];
  return {
    listDashboards: jest.fn(async () => list()),
    createGuestToken: jest.fn(async (slug: string) => {
      const dashboard = known.find(d => d.slug === slug);
      if (!dashboard) throw new Error(`no fixture for ${slug}`);
      return guestToken(dashboard);
    }),
  };
}

/**
 * Stands in for the SDK, which needs a real browser: like it, it waits for
 * the first guest token (rejecting when that fails) before resolving.
 * Requires `jest.mock('@superset-ui/embedded-sdk')` in the test file.
 */
export function fakeEmbedding(scrollHeight = 1376) {
  const unmount = jest.fn();
  const getScrollSize = jest.fn(async () => ({
    width: 1200,
    height: scrollHeight,
  }));
  const embed = jest.mocked(embedDashboard);
  embed.mockImplementation(async ({ fetchGuestToken }) => {
    await fetchGuestToken();
    return { unmount, getScrollSize } as unknown as Awaited<
      ReturnType<typeof embedDashboard>
    >;
  });
  return { embed, unmount, getScrollSize };
}

/** The arguments of the last embedDashboard call. */
export function lastEmbed() {
  const calls = jest.mocked(embedDashboard).mock.calls;
  if (calls.length === 0) throw new Error('embedDashboard was not called');
  return calls[calls.length - 1][0];
}

/** Renders an element in a test app with `api` as the superset API. */
export function renderSuperset(
  element: ReactElement,
  api: SupersetApi,
  options?: { at?: string; mountPath?: string },
) {
  return renderInTestApp(element, {
    apis: [[supersetApiRef, api]],
    mountedRoutes: { '/dashboards': rootRouteRef },
    mountPath: options?.mountPath ?? '/dashboards/*',
    initialRouteEntries: [options?.at ?? '/dashboards'],
  });
}

/** A promise that never settles, to hold a view in its loading state. */
export const never = () => new Promise<never>(() => {});
