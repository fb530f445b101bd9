import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { NS, scoutChain } from './__testUtils__/events';
import { lineagePlugin } from './plugin';

// POST /api/v1/upstream through the plugin: validated by openapi.yaml,
// readable by users and services like the graph, answered from the store.
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const UPSTREAM = '/api/lineage/api/v1/upstream';

describe('POST /api/v1/upstream', () => {
  jest.setTimeout(60_000);

  it('answers what each named dataset is built from, to readers only', async () => {
    const { server } = await startTestBackend({
      features: [
        lineagePlugin,
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
      ],
    });
    const service = mockCredentials.service.header();
    const recorded = await request(server)
      .post('/api/lineage/api/v1/lineage/batch')
      .set('authorization', service)
      .send(scoutChain());
    expect(recorded.status).toBe(201);

    const names = ['iceberg.platinum.store_features', 'iceberg.silver.stores'];
    for (const reader of [service, mockCredentials.user.header()]) {
      const answer = await request(server)
        .post(UPSTREAM)
        .set('authorization', reader)
        .send({ names });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        items: [
          {
            name: names[0],
            upstream: [
              {
                nodeId: `dataset:${NS}:iceberg.gold.daily_store_sales`,
                namespace: NS,
                name: 'iceberg.gold.daily_store_sales',
              },
            ],
          },
          { name: names[1], upstream: [] },
        ],
      });
    }

    const post = (body: object) =>
      request(server).post(UPSTREAM).set('authorization', service).send(body);
    expect(
      (
        await request(server)
          .post(UPSTREAM)
          .set('authorization', mockCredentials.none.header())
          .send({ names })
      ).status,
    ).toBe(401);
    for (const [body, path] of [
      [{ names: [] }, 'names'],
      [{ names: [''] }, 'names/0'],
      [{ names: Array(10_001).fill('x') }, 'names'],
      [{}, 'names'],
      [{ names, depth: 2 }, 'additional properties'],
    ] as const) {
      const refused = await post(body);
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain(path);
    }
  });
});
