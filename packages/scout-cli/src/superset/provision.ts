import {
  parseJson,
  type Row,
  rison,
  type SupersetApi,
} from '@internal/backstage-plugin-scout-node';
import {
  currentLayout,
  type DashboardRow,
  provisionDashboard,
  provisionEmbedding,
} from './dashboards.ts';
import { chartParams, chartQueryContext, type PlacedChart } from './desired.ts';
import { type DashboardFile, datasetsOf } from './manifest.ts';
import { type Change, type Current, reconcile } from './plan.ts';

export type Engine = 'duckdb' | 'trino';

/** What to provision: the dashboards, the connection Superset reads them through, the origins that may embed them. */
export type ProvisionPlan = {
  engine: Engine;
  dashboards: readonly DashboardFile[];
  /** The SQLAlchemy URI Superset connects with; read-only for duckdb. */
  sqlalchemyUri: string;
  /** The portal's origins: the only ones an embedded dashboard allows. */
  allowedDomains: readonly string[];
  dryRun: boolean;
};

export type ProvisionResult = {
  changes: Change[];
  /** Each dashboard's embedding uuid (undefined in a dry run that would create it). */
  embedded: { slug: string; title: string; uuid?: string }[];
};

/** Superset's name for the connection of each engine: the database's stable key. */
export const DATABASE_NAMES: Record<Engine, string> = {
  duckdb: 'Scout lakehouse (DuckDB)',
  trino: 'Scout lakehouse (Trino)',
};

const MANAGED_NOTE = 'Provisioned by scout superset provision';

/** Every object of a list endpoint (page by page, 100 at a time). */
export async function listAll<T extends Row>(
  api: SupersetApi,
  resource: string,
): Promise<T[]> {
  const rows: T[] = [];
  for (let page = 0; ; page++) {
    const q = encodeURIComponent(rison({ page, page_size: 100 }));
    const { result, count } = await api.get<{ result: T[]; count: number }>(
      `/api/v1/${resource}/?q=${q}`,
    );
    rows.push(...result);
    if (!result.length || rows.length >= count) return rows;
  }
}

/** A dataset's columns as "name type", the signature a column refresh may change. */
function columnSignature(dataset: {
  columns?: { column_name: string; type?: string | null }[];
}): string[] {
  return (dataset.columns ?? [])
    .map(c => `${c.column_name} ${c.type ?? ''}`)
    .sort();
}

async function provisionDatabase(
  api: SupersetApi,
  plan: ProvisionPlan,
): Promise<Change> {
  const name = DATABASE_NAMES[plan.engine];
  const desired = {
    database_name: name,
    sqlalchemy_uri: plan.sqlalchemyUri,
    expose_in_sqllab: true,
    allow_dml: false,
    allow_file_upload: false,
    allow_run_async: false,
  };
  const found = (
    await listAll<Row & { database_name: string }>(api, 'database')
  ).find(d => d.database_name === name);
  let current: Current | undefined;
  if (found) {
    // The connection view, unlike the plain one, includes the URI (passwords masked).
    const { result } = await api.get<{ result: Record<string, unknown> }>(
      `/api/v1/database/${found.id}/connection`,
    );
    current = { id: found.id, fields: result };
  }
  return reconcile({
    kind: 'database',
    key: name,
    desired,
    current,
    dryRun: plan.dryRun,
    create: async () =>
      (await api.post<{ id: number }>('/api/v1/database/', desired)).id,
    update: async id => {
      await api.put(`/api/v1/database/${id}`, desired);
    },
  });
}

/** Fails naming the lakehouse tables the connection does not show (Superset cannot make datasets of them). */
async function checkTables(
  api: SupersetApi,
  databaseId: number,
  datasets: readonly string[],
  engine: Engine,
): Promise<void> {
  const missing: string[] = [];
  for (const schema of [...new Set(datasets.map(d => d.split('.')[0]))]) {
    const q = encodeURIComponent(rison({ schema_name: schema, force: true }));
    const { result } = await api.get<{ result: { value: string }[] }>(
      `/api/v1/database/${databaseId}/tables/?q=${q}`,
    );
    const names = new Set(result.map(t => t.value));
    missing.push(
      ...datasets.filter(
        d => d.startsWith(`${schema}.`) && !names.has(d.split('.')[1]),
      ),
    );
  }
  if (missing.length) {
    throw new Error(
      `Superset's ${engine} connection has no table ${missing.join(
        ', ',
      )}: publish the lakehouse first (./scripts/yarn scout pipeline run --engine ${engine})`,
    );
  }
}

type DatasetRow = Row & {
  table_name: string;
  schema: string;
  database: { id: number };
};

async function provisionDataset(
  api: SupersetApi,
  plan: ProvisionPlan,
  ref: string,
  databaseId: number | undefined,
  existing: readonly DatasetRow[],
): Promise<Change> {
  const [schema, table] = ref.split('.');
  const desired = { description: `${ref}: ${MANAGED_NOTE}` };
  const found = existing.find(
    d =>
      d.database.id === databaseId &&
      d.schema === schema &&
      d.table_name === table,
  );
  let current: Current | undefined;
  let before: string[] = [];
  if (found) {
    const { result } = await api.get<{
      result: Record<string, unknown> & Parameters<typeof columnSignature>[0];
    }>(`/api/v1/dataset/${found.id}`);
    current = { id: found.id, fields: result };
    before = columnSignature(result);
  }
  const change = await reconcile({
    kind: 'dataset',
    key: ref,
    desired,
    current,
    dryRun: plan.dryRun,
    create: async () => {
      const { id } = await api.post<{ id: number }>('/api/v1/dataset/', {
        database: databaseId,
        schema,
        table_name: table,
      });
      await api.put(`/api/v1/dataset/${id}`, desired);
      return id;
    },
    update: async id => {
      await api.put(`/api/v1/dataset/${id}`, desired);
    },
  });
  // The columns follow the table: refresh them, and count a change of theirs.
  if (!plan.dryRun && change.id !== undefined && found) {
    await api.put(`/api/v1/dataset/${change.id}/refresh`, {});
    const { result } = await api.get<{
      result: Parameters<typeof columnSignature>[0];
    }>(`/api/v1/dataset/${change.id}`);
    if (columnSignature(result).join() !== before.join()) {
      change.outcome = 'updated';
      change.fields = [...change.fields, 'columns'];
    }
  }
  return change;
}

type ChartRow = Row & {
  slice_name: string;
  uuid: string;
};

async function provisionChart(
  api: SupersetApi,
  plan: ProvisionPlan,
  spec: DashboardFile['spec']['charts'][number],
  datasetId: number | undefined,
  existing: readonly ChartRow[],
  renamed: number | undefined,
): Promise<{ change: Change; uuid?: string }> {
  const dsId = datasetId ?? 0;
  const desired = {
    slice_name: spec.title,
    viz_type: spec.type,
    description: spec.description ?? null,
    datasource_id: dsId,
    datasource_type: 'table',
    params: chartParams(spec, dsId),
    query_context: chartQueryContext(spec, dsId),
  };
  const body = {
    ...desired,
    params: JSON.stringify(desired.params),
    query_context: JSON.stringify(desired.query_context),
    query_context_generation: false,
  };
  const found =
    existing.find(c => c.slice_name === spec.title) ??
    existing.find(c => c.id === renamed);
  let current: Current | undefined;
  if (found) {
    const { result } = await api.get<{ result: Record<string, unknown> }>(
      `/api/v1/chart/${found.id}`,
    );
    const row = found as Record<string, unknown>;
    current = {
      id: found.id,
      fields: {
        slice_name: result.slice_name,
        viz_type: result.viz_type,
        description: result.description ?? null,
        datasource_id: row.datasource_id,
        datasource_type: row.datasource_type,
        params: parseJson(result.params),
        query_context: parseJson(result.query_context),
      },
    };
  }
  const change = await reconcile({
    kind: 'chart',
    key: spec.title,
    desired,
    current,
    dryRun: plan.dryRun,
    create: async () =>
      (
        await api.post<{ id: number }>('/api/v1/chart/', body)
      ).id,
    update: async id => {
      await api.put(`/api/v1/chart/${id}`, body);
    },
  });
  let uuid = found?.uuid;
  if (!found && change.id !== undefined) {
    const { result } = await api.get<{ result: { uuid: string } }>(
      `/api/v1/chart/${change.id}`,
    );
    uuid = result.uuid;
  }
  return { change, uuid };
}

/**
 * Brings Superset to the dashboards' desired state, in dependency order:
 * the connection, the datasets (columns refreshed), the charts (params and
 * query context), the dashboards (charts laid out) and their embeddings.
 * Objects are found by their stable keys: database_name, the database's
 * schema and table name, slice_name, slug. `onChange` hears each outcome
 * as it happens.
 */
export async function provision(
  api: SupersetApi,
  plan: ProvisionPlan,
  onChange: (change: Change) => void = () => {},
): Promise<ProvisionResult> {
  const changes: Change[] = [];
  const record = (change: Change) => {
    changes.push(change);
    onChange(change);
    return change;
  };

  const database = record(await provisionDatabase(api, plan));
  const refs = datasetsOf(plan.dashboards);
  if (database.id !== undefined) {
    await checkTables(api, database.id, refs, plan.engine);
  }

  const datasetRows =
    database.id === undefined
      ? []
      : (await listAll<DatasetRow>(api, 'dataset')).filter(
          d => d.database?.id === database.id,
        );
  const datasetIds = new Map<string, number | undefined>();
  for (const ref of refs) {
    const change = record(
      await provisionDataset(api, plan, ref, database.id, datasetRows),
    );
    datasetIds.set(ref, change.id);
  }

  const chartRows = await listAll<ChartRow>(api, 'chart');
  const dashboardRows = await listAll<DashboardRow>(api, 'dashboard');
  const embedded: ProvisionResult['embedded'] = [];
  const titles = new Set(
    plan.dashboards.flatMap(d => d.spec.charts.map(c => c.title)),
  );
  for (const { spec } of plan.dashboards) {
    const placed: PlacedChart[] = [];
    let complete = true;
    const layout = await currentLayout(
      api,
      dashboardRows.find(d => d.slug === spec.slug),
    );
    for (const [i, chart] of spec.charts.entries()) {
      // A title no chart has is a rename when the chart at its place in
      // the dashboard's current layout has a title no file claims.
      const atPlace = chartRows.find(c => c.id === layout.get(i));
      const renamed =
        atPlace && !titles.has(atPlace.slice_name) ? atPlace.id : undefined;
      const { change, uuid } = await provisionChart(
        api,
        plan,
        chart,
        datasetIds.get(chart.dataset),
        chartRows,
        renamed,
      );
      record(change);
      if (change.id === undefined || !uuid) complete = false;
      else placed.push({ id: change.id, uuid, spec: chart });
    }
    const dashboard = record(
      complete
        ? await provisionDashboard(api, plan, spec, placed, dashboardRows)
        : {
            kind: 'dashboard',
            key: spec.slug,
            outcome: dashboardRows.some(d => d.slug === spec.slug)
              ? 'updated'
              : 'created',
            fields: [],
          },
    );
    const { change, uuid } = await provisionEmbedding(
      api,
      plan,
      spec.slug,
      dashboard.id,
    );
    record(change);
    embedded.push({ slug: spec.slug, title: spec.title, uuid });
  }
  return { changes, embedded };
}
