import type {
  Dashboard,
  DashboardList,
  GuestToken,
  SupersetStatus,
} from '@internal/backstage-plugin-superset-common';

export const SUPERSET_URL = 'http://superset.scout.test:8088';

export const salesDashboard: Dashboard = {
  slug: 'store-sales',
  title: 'Store sales',
  description: 'Daily sales per store, from the gold layer',
  embeddedId: '5c3a4b1e-0d2f-4a8e-9a51-6f0d3c2b1a01',
  datasets: ['gold.gold_daily_store_sales', 'gold.dim_store'],
};

export const ingestDashboard: Dashboard = {
  slug: 'ingest-volume',
  title: 'Ingest volume',
  description: null,
  embeddedId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c02',
  datasets: ['bronze.transactions'],
};

export const ready: SupersetStatus = {
  state: 'ready',
  message: 'Signed in to Superset as scout-portal.',
  url: SUPERSET_URL,
};

/** The backend's answer to GET /dashboards. */
export function list(
  dashboards: Dashboard[] = [salesDashboard, ingestDashboard],
  superset: SupersetStatus = ready,
): DashboardList {
  return { superset, dashboards };
}

/** The backend's answer to POST /dashboards/{slug}/guest-token. */
export function guestToken(dashboard: Dashboard, token = 'jwt-1'): GuestToken {
  return {
    token,
    expiresAt: '2026-12-01T10:05:00.000Z',
    embeddedId: dashboard.embeddedId,
    supersetUrl: SUPERSET_URL,
  };
}
