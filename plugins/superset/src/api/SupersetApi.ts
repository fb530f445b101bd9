import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  DashboardList,
  GuestToken,
} from '@internal/backstage-plugin-superset-common';
import { BackendRequestError } from '@internal/backstage-plugin-scout-react';

/**
 * The superset backend, unwrapped: each method resolves with the answer or
 * rejects with a {@link BackendRequestError} carrying the backend's message.
 */
export interface SupersetApi {
  /** The embeddable dashboards and Superset's state (always answers). */
  listDashboards(): Promise<DashboardList>;
  /** A fresh guest token for the signed-in user and this dashboard only. */
  createGuestToken(slug: string): Promise<GuestToken>;
}

export const supersetApiRef = createApiRef<SupersetApi>().with({
  id: 'plugin.superset.client',
  pluginId: 'superset',
});
