import { http, HttpResponse, type RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import {
  BASE_URL,
  catalogs,
  dailyStoreSales,
  goldTables,
  namespaces,
  previewPage,
  snapshots,
} from './fixtures';

const TABLE = `${BASE_URL}/catalogs/iceberg/namespaces/gold/tables/gold_daily_store_sales`;

/** A lakehouse backend serving the fixtures for gold_daily_store_sales. */
export const handlers: RequestHandler[] = [
  // The table page's freshness badge asks the SLO API; no SLO covers these.
  http.get('*/api/slo/slos', () =>
    HttpResponse.json({
      source: 'embedded',
      evaluatedAt: '2026-11-03T14:05:00Z',
      items: [],
    }),
  ),
  http.get(`${BASE_URL}/catalogs`, () =>
    HttpResponse.json({ items: catalogs }),
  ),
  http.get(`${BASE_URL}/catalogs/iceberg/namespaces`, () =>
    HttpResponse.json({ items: namespaces }),
  ),
  http.get(`${BASE_URL}/catalogs/iceberg/namespaces/:ns/tables`, ({ params }) =>
    HttpResponse.json({ items: params.ns === 'gold' ? goldTables : [] }),
  ),
  http.get(TABLE, () => HttpResponse.json(dailyStoreSales)),
  http.get(`${TABLE}/snapshots`, () => HttpResponse.json({ items: snapshots })),
  http.get(`${TABLE}/partitions`, () =>
    HttpResponse.json({
      health: dailyStoreSales.health,
      items: [
        {
          partition: { sale_date_month: '2026-10' },
          recordCount: 9000,
          fileCount: 1,
          totalBytes: 360000,
        },
        {
          partition: { sale_date_month: '2026-11' },
          recordCount: 9250,
          fileCount: 1,
          totalBytes: 370000,
        },
      ],
    }),
  ),
  http.get(`${TABLE}/preview`, ({ request }) => {
    const url = new URL(request.url);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 100);
    return HttpResponse.json(previewPage(offset, limit));
  }),
  http.get(`${TABLE}/commits`, () =>
    HttpResponse.json({
      items: [
        {
          hash: 'a1b2c3d4e5f60718293a4b5c',
          message: 'pipeline run-42: dbt build',
          author: 'scout-pipeline',
          committedAt: '2026-11-03T14:05:00Z',
        },
      ],
    }),
  ),
  http.get(`${BASE_URL}/catalogs/iceberg/refs`, () =>
    HttpResponse.json({
      items: [
        { name: 'main', type: 'BRANCH', hash: 'a1b2c3d4e5f60718293a4b5c' },
        { name: 'run-42', type: 'BRANCH', hash: 'f0e1d2c3b4a5968778695a4b' },
      ],
    }),
  ),
  http.get(`${BASE_URL}/catalogs/iceberg/diff`, () =>
    HttpResponse.json({
      items: [
        {
          namespace: 'gold',
          table: 'gold_daily_store_sales',
          change: 'MODIFIED',
        },
      ],
    }),
  ),
];

/** An MSW server with the fixture handlers, started and reset around each test. */
export function setupLakehouseServer() {
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** The JSON an `@backstage/errors` error becomes on the wire. */
export function errorResponse(status: number, name: string, message: string) {
  return HttpResponse.json(
    { error: { name, message }, response: { statusCode: status } },
    { status },
  );
}
