import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { testDatabases } from '@internal/backstage-plugin-scout-node/testing';
import request from 'supertest';
import { readScoutConfig } from '../config';
import { scoutPlugin } from '../plugin';
import { FunctionMetrics } from './metrics';
import { ScoutDataPlane } from './ScoutDataPlane';

jest.setTimeout(120_000);

const LIZA = 'user:default/liza.garcia';

const configData = (url: string | undefined) => ({
  app: { baseUrl: 'http://localhost:3000' },
  scout: {
    database: url ? { url } : {},
    demo: { enabled: true, transactions: 300 },
    pipeline: { enabled: false },
    functions: { jwtSecret: 'data-plane-stats-secret' },
  },
});

describe.each(testDatabases())(
  'stats under row-level security on $kind',
  databases => {
    let plane: ScoutDataPlane;

    beforeAll(async () => {
      const config = mockServices.rootConfig({
        data: configData(await databases.createUrl()),
      });
      plane = await ScoutDataPlane.create(
        readScoutConfig(config),
        mockServices.logger.mock(),
        FunctionMetrics.create(),
      );
    });
    afterAll(async () => {
      await plane?.close();
      await databases.cleanup();
    }, 60_000);

    const ownerCount = async (table: string) =>
      (
        await plane.db.query<{ n: number }>(
          `select count(*)::int as n from scout.${table}`,
        )
      ).rows[0].n;

    it('counts silver as the user and the operational totals as service_role', async () => {
      const stats = await plane.stats(LIZA);
      expect(stats).toEqual({
        database: databases.kind,
        silver: await ownerCount('silver_transactions'),
        silver_lag_p95_s: expect.any(Number),
        bronze: 300,
        quarantine: expect.any(Number),
        pending: 0,
        read_as: {
          authenticated: ['silver', 'silver_lag_p95_s'],
          service_role: ['bronze', 'quarantine', 'pending'],
        },
      });
      expect(stats.silver).toBeGreaterThan(0);
    });

    it('sees no silver row once row-level security hides silver from authenticated, while the owner still does', async () => {
      await plane.db.query(
        'drop policy authenticated_read on scout.silver_transactions',
      );
      try {
        const stats = await plane.stats(LIZA);
        expect(stats).toMatchObject({ silver: 0, silver_lag_p95_s: null });
        expect(stats.bronze).toBe(300);
        expect(await ownerCount('silver_transactions')).toBeGreaterThan(0);
      } finally {
        await plane.db.query(
          `create policy authenticated_read on scout.silver_transactions
         for select to authenticated using (true)`,
        );
      }
    });
  },
);

describe('GET /api/scout/stats', () => {
  it('answers a user, and refuses a service, which has no user for the claims', async () => {
    const { server } = await startTestBackend({
      features: [
        scoutPlugin,
        mockServices.rootConfig.factory({ data: configData(undefined) }),
      ],
    });
    const asUser = await request(server)
      .get('/api/scout/stats')
      .set('authorization', mockCredentials.user.header(LIZA));
    expect(asUser.status).toBe(200);
    expect(asUser.body.read_as.authenticated).toEqual([
      'silver',
      'silver_lag_p95_s',
    ]);
    const asService = await request(server)
      .get('/api/scout/stats')
      .set('authorization', mockCredentials.service.header());
    expect(asService.status).toBe(403);
  });
});
