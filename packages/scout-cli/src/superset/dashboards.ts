// Dashboards and their embeddings, for provision.ts: each dashboard with its
// charts laid out, then its embedding for the portal's origins.
import {
  parseJson,
  type Row,
  SupersetApiError,
  type SupersetApi,
} from '@internal/backstage-plugin-scout-node';
import { dashboardPosition, type PlacedChart } from './desired.ts';
import type { DashboardFile } from './manifest.ts';
import { type Change, type Current, reconcile } from './plan.ts';
import type { ProvisionPlan } from './provision.ts';

export type DashboardRow = Row & { slug: string | null };

/** The chart ids of an existing dashboard's layout by place (CHART-1 is 0). */
export async function currentLayout(
  api: SupersetApi,
  dashboard: DashboardRow | undefined,
): Promise<Map<number, number>> {
  const places = new Map<number, number>();
  if (!dashboard) return places;
  const { result } = await api.get<{ result: { position_json?: string } }>(
    `/api/v1/dashboard/${dashboard.id}`,
  );
  const position = parseJson(result.position_json);
  if (!position || typeof position !== 'object') return places;
  for (const [key, value] of Object.entries(position)) {
    const place = /^CHART-(\d+)$/.exec(key);
    const chartId = (value as { meta?: { chartId?: unknown } })?.meta?.chartId;
    if (place && typeof chartId === 'number') {
      places.set(Number(place[1]) - 1, chartId);
    }
  }
  return places;
}

export async function provisionDashboard(
  api: SupersetApi,
  plan: ProvisionPlan,
  spec: DashboardFile['spec'],
  charts: readonly PlacedChart[],
  existing: readonly DashboardRow[],
): Promise<Change> {
  const position = dashboardPosition(spec, charts);
  const desired = {
    dashboard_title: spec.title,
    slug: spec.slug,
    published: true,
    position,
    charts: charts.map(c => c.id).sort((a, b) => a - b),
  };
  // Superset attaches the charts a layout names when json_metadata carries it as positions.
  const body = {
    dashboard_title: spec.title,
    slug: spec.slug,
    published: true,
    position_json: JSON.stringify(position),
    json_metadata: JSON.stringify({
      positions: position,
      refresh_frequency: 0,
      color_scheme: '',
      label_colors: {},
      expanded_slices: {},
      timed_refresh_immune_slices: [],
      native_filter_configuration: [],
      cross_filters_enabled: false,
    }),
  };
  const found = existing.find(d => d.slug === spec.slug);
  let current: Current | undefined;
  if (found) {
    const { result } = await api.get<{ result: Record<string, unknown> }>(
      `/api/v1/dashboard/${found.id}`,
    );
    const attached = await api.get<{ result: { id: number }[] }>(
      `/api/v1/dashboard/${found.id}/charts`,
    );
    current = {
      id: found.id,
      fields: {
        dashboard_title: result.dashboard_title,
        slug: result.slug,
        published: result.published,
        position: parseJson(result.position_json),
        charts: attached.result.map(c => c.id).sort((a, b) => a - b),
      },
    };
  }
  return reconcile({
    kind: 'dashboard',
    key: spec.slug,
    desired,
    current,
    dryRun: plan.dryRun,
    create: async () => {
      const { id } = await api.post<{ id: number }>('/api/v1/dashboard/', {
        dashboard_title: spec.title,
        slug: spec.slug,
        published: true,
      });
      await api.put(`/api/v1/dashboard/${id}`, body);
      return id;
    },
    update: async id => {
      await api.put(`/api/v1/dashboard/${id}`, body);
    },
  });
}

export async function provisionEmbedding(
  api: SupersetApi,
  plan: ProvisionPlan,
  slug: string,
  dashboardId: number | undefined,
): Promise<{ change: Change; uuid?: string }> {
  const desired = { allowed_domains: [...plan.allowedDomains].sort() };
  let current: Current | undefined;
  let uuid: string | undefined;
  if (dashboardId !== undefined) {
    try {
      const { result } = await api.get<{
        result: { uuid: string; allowed_domains: string[] };
      }>(`/api/v1/dashboard/${dashboardId}/embedded`);
      uuid = result.uuid;
      current = {
        id: dashboardId,
        fields: { allowed_domains: [...result.allowed_domains].sort() },
      };
    } catch (error) {
      if (!(error instanceof SupersetApiError && error.status === 404)) {
        throw error;
      }
    }
  }
  // POST upserts: it keeps the uuid of an existing embedding.
  const upsert = async (id: number) => {
    const { result } = await api.post<{ result: { uuid: string } }>(
      `/api/v1/dashboard/${id}/embedded`,
      desired,
    );
    uuid = result.uuid;
  };
  const change = await reconcile({
    kind: 'embedding',
    key: slug,
    desired,
    current,
    dryRun: plan.dryRun,
    create: async () => {
      await upsert(dashboardId!);
      return dashboardId!;
    },
    update: upsert,
  });
  return { change, uuid };
}
