import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { lakehousePlugin } from './plugin';

// /api/lakehouse/metrics under Backstage's real auth: the Prometheus
// scraper's static external-access token (backend.auth.externalAccess), as
// app-config*.yaml configure it, and nothing else.
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function start(token: string, plugins: string[]) {
  const { server } = await startTestBackend({
    features: [
      lakehousePlugin,
      authServiceFactory,
      httpAuthServiceFactory,
      mockServices.database.factory({ knex: await databases.init('SQLITE_3') }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token, subject: 'prometheus-scraper' },
                  accessRestrictions: plugins.map(plugin => ({
                    plugin,
                    permissionAttribute: { action: 'read' },
                  })),
                },
              ],
            },
          },
          lakehouse: {
            engine: 'duckdb',
            duckdb: { dir: mkdtempSync(join(tmpdir(), 'lakehouse-metrics-')) },
          },
        },
      }),
    ],
  });
  return (authorization?: string) => {
    const req = request(server).get('/api/lakehouse/metrics');
    return authorization ? req.set('authorization', authorization) : req;
  };
}

describe('the lakehouse metrics route', () => {
  // Backstage's auth and a backend each: slow on a busy machine.
  jest.setTimeout(60_000);
  const token = randomBytes(32).toString('hex');

  it('answers the scraper token, and refuses no token or another one', async () => {
    const scrape = await start(token, ['scout', 'lakehouse']);
    const metrics = await scrape(`Bearer ${token}`);
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('lakehouse_request_duration_seconds');
    expect((await scrape()).status).toBe(401);
    expect((await scrape(`Bearer ${token}x`)).status).toBe(401);
  });

  it('refuses the token when its access is restricted to other plugins', async () => {
    const scrape = await start(token, ['scout']);
    expect((await scrape(`Bearer ${token}`)).status).toBe(403);
  });
});
