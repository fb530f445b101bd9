import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  SloHistory,
  SloList,
} from '@internal/backstage-plugin-slo-common';
import { BackendRequestError } from '@internal/backstage-plugin-scout-react';

/** Which SLOs to list; both are catalog refs, e.g. `group:default/sre`. */
export type SloQuery = { owner?: string; entity?: string };

/**
 * The SLO backend, unwrapped: each method resolves with the answer or
 * rejects with an {@link BackendRequestError} carrying the backend's message.
 */
export interface SloApi {
  /** Every SLO's status, worst budget first. */
  listSlos(query?: SloQuery): Promise<SloList>;
  /** One SLO's SLI and remaining budget over the last `days` (30 by default). */
  getSloHistory(id: string, days?: number): Promise<SloHistory>;
}

export const sloApiRef = createApiRef<SloApi>().with({
  id: 'plugin.slo.client',
  pluginId: 'slo',
});
