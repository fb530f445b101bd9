import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { lakehousePlugin } from './plugin';

// The row preview asks the permission framework before it reads anything;
// which users pass is the policy's business (permission-backend-module-scout).

const PREVIEW =
  '/api/lakehouse/catalogs/lakehouse/namespaces/gold/tables/gold_daily_store_sales/preview';

async function start(result: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  const dir = mkdtempSync(join(tmpdir(), 'lakehouse-permission-'));
  const { server } = await startTestBackend({
    features: [
      lakehousePlugin,
      mockServices.permissions.factory({ result }),
      mockServices.rootConfig.factory({
        data: { lakehouse: { engine: 'duckdb', duckdb: { dir } } },
      }),
    ],
  });
  return server;
}

// Starting a backend with DuckDB takes seconds on a busy machine.
jest.setTimeout(60_000);

describe('the preview permission', () => {
  it('refuses a user the policy denies, naming the permission', async () => {
    const server = await start(AuthorizeResult.DENY);
    const res = await request(server)
      .get(PREVIEW)
      .set('authorization', mockCredentials.user.header());
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      name: 'NotAllowedError',
      message:
        'You may not preview lakehouse rows: it needs the lakehouse.table.preview permission.',
    });
  });

  it('lets a user the policy allows through to the table', async () => {
    const server = await start(AuthorizeResult.ALLOW);
    const res = await request(server)
      .get(PREVIEW)
      .set('authorization', mockCredentials.user.header());
    // Past the check: the empty lakehouse has no such table.
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
  });
});
