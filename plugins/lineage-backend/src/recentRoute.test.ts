import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { lineageDatabases } from './__testUtils__/databases';
import { NS, runEvent } from './__testUtils__/events';
import { lineagePlugin } from './plugin';

// GET /recent and the graph's `written`: what jobs write, as opposed to
// the sources they only read, whatever the datasets are called.
const databases = lineageDatabases();
afterAll(() => databases.closeAll());

describe.each(databases.ids)('datasets jobs write (%s)', id => {
  jest.setTimeout(60_000);

  it('lists the newest writes first, leaves sources out, and marks them on the graph', async () => {
    const { server } = await startTestBackend({
      features: [
        lineagePlugin,
        mockServices.database.factory({ knex: await databases.init(id) }),
      ],
    });
    const reader = mockCredentials.user.header();
    // Names outside any medallion layer, as another dbt project has them.
    const events = [
      runEvent('stg', ['raw_orders'], 'stg_orders', {}, '2026-12-01T10:00:00Z'),
      runEvent('orders', ['stg_orders'], 'orders', {}, '2026-12-01T12:00:00Z'),
      runEvent('kpis', ['orders'], 'kpis', {}, '2026-12-01T11:00:00Z'),
    ];
    const recorded = await request(server)
      .post('/api/lineage/api/v1/lineage/batch')
      .set('authorization', mockCredentials.service.header())
      .send(events);
    expect(recorded.status).toBe(201);

    const recent = await request(server)
      .get('/api/lineage/recent')
      .query({ limit: 2 })
      .set('authorization', reader);
    expect(recent.status).toBe(200);
    expect(recent.body.items).toEqual([
      {
        nodeId: `dataset:${NS}:orders`,
        namespace: NS,
        name: 'orders',
        writtenAt: '2026-12-01T12:00:00.000Z',
      },
      expect.objectContaining({ name: 'kpis' }),
    ]);
    const all = await request(server)
      .get('/api/lineage/recent')
      .set('authorization', reader);
    expect(all.body.items.map((d: { name: string }) => d.name)).toEqual([
      'orders',
      'kpis',
      'stg_orders',
    ]);

    const graph = await request(server)
      .get('/api/lineage/api/v1/lineage')
      .query({ nodeId: `dataset:${NS}:stg_orders`, depth: 1 })
      .set('authorization', reader);
    const written = Object.fromEntries(
      graph.body.graph
        .filter((n: { type: string }) => n.type === 'DATASET')
        .map((n: { data: { name: string; written: boolean } }) => [
          n.data.name,
          n.data.written,
        ]),
    );
    // orders is at the answer's edge, its writer outside it: still written.
    expect(written).toEqual({
      raw_orders: false,
      stg_orders: true,
      orders: true,
    });

    const tooMany = await request(server)
      .get('/api/lineage/recent')
      .query({ limit: 101 })
      .set('authorization', reader);
    expect(tooMany.status).toBe(400);
  });
});
