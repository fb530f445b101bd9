import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { lakehousePlugin } from './plugin';

// What the plugin does without a lakehouse to read: it starts, and its
// routes say what is missing and what to do.

/** A loopback port that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise(resolve => server.close(resolve));
  return port;
}

/** The plugin's own `lakehouse` config, over the shared `scout.lakehouse`. */
async function start(lakehouse: object, stack: object = {}) {
  const { server } = await startTestBackend({
    features: [
      lakehousePlugin,
      mockServices.rootConfig.factory({
        data: { lakehouse, scout: { lakehouse: stack } },
      }),
    ],
  });
  return server;
}

describe('the lakehouse plugin without a lakehouse', () => {
  it('starts when Trino and Nessie are down, and answers 503 with what to do', async () => {
    const port = await closedPort();
    const server = await start(
      { engine: 'trino' },
      {
        trino: { url: `http://127.0.0.1:${port}`, user: 'scout' },
        nessie: { url: `http://127.0.0.1:${port}/api/v2` },
        s3: { bucket: 'lake', accessKeyId: 'k', secretAccessKey: 's' },
      },
    );

    const catalogs = await request(server).get('/api/lakehouse/catalogs');
    expect(catalogs.status).toBe(200);
    expect(catalogs.body.items).toEqual([
      { name: 'iceberg', engine: 'trino', defaultRef: 'main' },
    ]);

    for (const path of [
      '/catalogs/iceberg/namespaces',
      '/catalogs/iceberg/namespaces/gold/tables/gold_daily_store_sales',
      '/catalogs/iceberg/refs',
    ]) {
      const res = await request(server).get(`/api/lakehouse${path}`);
      expect(res.status).toBe(503);
      expect(res.body.error.name).toBe('ServiceUnavailableError');
      expect(res.body.error.message).toMatch(/did not answer/);
      expect(res.body.error.message).toMatch(/yarn scout stack up/);
    }
  });

  it('serves an empty DuckDB lakehouse before the pipeline has run', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'lakehouse-empty-')), 'none');
    const server = await start({ engine: 'duckdb', duckdb: { dir } });

    const namespaces = await request(server).get(
      '/api/lakehouse/catalogs/lakehouse/namespaces',
    );
    expect(namespaces.status).toBe(200);
    expect(namespaces.body).toEqual({ items: [] });

    const tables = await request(server).get(
      '/api/lakehouse/catalogs/lakehouse/namespaces/gold/tables',
    );
    expect(tables.status).toBe(404);
    expect(tables.body.error.name).toBe('NotFoundError');

    const refs = await request(server).get(
      '/api/lakehouse/catalogs/lakehouse/refs',
    );
    expect(refs.body.items).toEqual([
      { name: 'main', type: 'BRANCH', hash: null },
    ]);

    const other = await request(server).get(
      '/api/lakehouse/catalogs/iceberg/namespaces',
    );
    expect(other.status).toBe(404);
    expect(other.body.error.message).toMatch(/serves lakehouse/);
  });

  it('needs a user or service token for the API, and a service token for /metrics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakehouse-auth-'));
    const server = await start({ engine: 'duckdb', duckdb: { dir } });

    const anonymous = await request(server)
      .get('/api/lakehouse/catalogs')
      .set('authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);

    const asService = await request(server)
      .get('/api/lakehouse/catalogs/lakehouse/namespaces')
      .set('authorization', mockCredentials.service.header());
    expect(asService.status).toBe(200);

    // A preview reads rows as a person, so services may not ask for one.
    const preview = await request(server)
      .get('/api/lakehouse/catalogs/lakehouse/namespaces/gold/tables/t/preview')
      .set('authorization', mockCredentials.service.header());
    expect(preview.status).toBe(403);

    const scrape = (authorization: string) =>
      request(server)
        .get('/api/lakehouse/metrics')
        .set('authorization', authorization);
    expect((await scrape(mockCredentials.none.header())).status).toBe(401);
    // People cannot scrape; Prometheus holds a static external-access token.
    expect((await scrape(mockCredentials.user.header())).status).toBe(403);
    const metrics = await scrape(mockCredentials.service.header());
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain(
      'lakehouse_request_duration_seconds_count{route="/catalogs/{catalog}/namespaces",method="GET",status="200"} 1',
    );
    expect(metrics.text).toContain(
      'lakehouse_request_duration_seconds_count{route="/catalogs/{catalog}/namespaces/{namespace}/tables/{table}/preview",method="GET",status="403"} 1',
    );
  });
});
