import { test, expect, type APIRequestContext } from '@playwright/test';

// The lineage Trino itself reports: the test portal's scheduled pipeline
// run writes every layer through Trino, whose OpenLineage listener
// (platform-manifests/config/trino/etc/event-listener.properties) sends each
// write, with the column lineage of Trino's analyzer, to /api/lineage.
const TRINO = 'trino://127.0.0.1:8080';
const PRODUCER = { authorization: 'Bearer scout-dev-lineage-token' };
const GOLD = `${TRINO}:iceberg.gold.gold_daily_store_sales`;

type FieldNode = {
  id: string;
  data: {
    dataset: string;
    field: string;
    inputFields: { dataset: string; field: string }[];
  };
};

async function get(
  request: APIRequestContext,
  path: string,
  params: Record<string, string | number>,
) {
  const res = await request.get(`/api/lineage${path}`, {
    params,
    headers: PRODUCER,
  });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

test.beforeAll(async ({ request }) => {
  // The run publishes a minute or two after the portal starts, and these
  // API tests run first.
  test.setTimeout(300_000);
  await expect
    .poll(
      async () =>
        (
          await get(request, '/api/v1/search', { q: 'gold_daily_store_sales' })
        ).totalCount,
      {
        timeout: 240_000,
        intervals: [5_000],
        message: 'no lineage event for gold arrived from Trino',
      },
    )
    .toBeGreaterThan(0);
});

test('gold_daily_store_sales: its job, silver inputs upstream, bronze two jobs away', async ({
  request,
}) => {
  const one = await get(request, '/api/v1/lineage', {
    nodeId: `dataset:${GOLD}`,
    depth: 1,
  });
  const ids: string[] = one.graph.map((n: { id: string }) => n.id);
  expect(ids).toContain(
    `job:${TRINO}:write iceberg.gold.gold_daily_store_sales`,
  );
  expect(ids).toContain(`dataset:${TRINO}:iceberg.silver.silver_transactions`);
  const three = await get(request, '/api/v1/lineage', {
    nodeId: `dataset:${GOLD}`,
    depth: 3,
  });
  expect(three.graph.map((n: { id: string }) => n.id)).toContain(
    `dataset:${TRINO}:iceberg.bronze.transactions`,
  );
});

test('revenue follows back through silver, bronze and the scout database to the ingest payload', async ({
  request,
}) => {
  const answer = await get(request, '/api/v1/column-lineage', {
    nodeId: `datasetField:${GOLD}:revenue`,
    depth: 10,
  });
  const inputs = new Map<string, string[]>(
    answer.graph.map((n: FieldNode) => [
      `${n.data.dataset}:${n.data.field}`,
      n.data.inputFields.map(i => `${i.dataset}:${i.field}`),
    ]),
  );
  expect(inputs.get('iceberg.gold.gold_daily_store_sales:revenue')).toEqual([
    'iceberg.silver.silver_transactions:total',
  ]);
  expect(inputs.get('iceberg.silver.silver_transactions:total')).toEqual([
    'iceberg.bronze.transactions:total',
  ]);
  // The bronze load read the scout database (one namespace for it,
  // app-config.yaml's lineage.datasetNameRewrites)...
  expect(inputs.get('iceberg.bronze.transactions:total')).toEqual([
    'scout.scout.silver_transactions:total',
  ]);
  // ...where promotion took it from the payload ingest-transaction stored.
  expect(inputs.get('scout.scout.silver_transactions:total')).toEqual([
    'scout.scout.bronze_transactions:payload.total',
  ]);
  expect(inputs.get('scout.scout.bronze_transactions:payload.total')).toEqual([
    'ingest-transaction.Transaction:total',
  ]);
});
