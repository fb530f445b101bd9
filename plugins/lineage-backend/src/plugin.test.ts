import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import {
  shopCatalog,
  shopManifest,
  shopRunResults,
  shopSources,
} from './__testUtils__/dbtProject';
import { facet, NS, runEvent, scoutChain } from './__testUtils__/events';
import { lineagePlugin } from './plugin';

// /api/lineage under Backstage's real auth: producers send events with the
// static external-access token, as app-config.yaml configures it for
// Trino's listener; people read.
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const token = randomBytes(32).toString('hex');
const PRODUCER = `Bearer ${token}`;
const EVENTS = '/api/lineage/api/v1/lineage';

async function start() {
  const { server } = await startTestBackend({
    features: [
      lineagePlugin,
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
                  options: { token, subject: 'lineage-producer' },
                  accessRestrictions: [{ plugin: 'lineage' }],
                },
              ],
            },
          },
          lineage: { maxDepth: 5 },
        },
      }),
    ],
  });
  return server;
}

describe('the lineage API', () => {
  jest.setTimeout(60_000);

  it('takes events from producers, refuses malformed ones by path, and answers Marquez queries', async () => {
    const server = await start();
    const [event] = scoutChain();
    // Producers only.
    expect((await request(server).post(EVENTS).send(event)).status).toBe(401);
    // Reads take a service (or a user, below): the producer's token will do.
    const user = PRODUCER;

    const sent = await request(server)
      .post(EVENTS)
      .set('authorization', PRODUCER)
      .send(event);
    expect(sent.status).toBe(201);
    // A replay is accepted and absorbed.
    expect(
      (
        await request(server)
          .post(EVENTS)
          .set('authorization', PRODUCER)
          .send(event)
      ).status,
    ).toBe(201);

    for (const [body, path] of [
      [{ ...event, run: { runId: 'not-a-uuid' } }, 'runId'],
      [{ ...event, eventTime: 'yesterday' }, 'eventTime'],
      // A day the calendar has not (V8 would take it as 2 March).
      [
        { ...event, eventTime: '2026-02-30T00:00:00Z' },
        'eventTime 2026-02-30T00:00:00Z names no real time',
      ],
      [{ ...event, job: { name: 'x' } }, 'namespace'],
      [{ ...event, eventType: 'DONE' }, 'eventType'],
      [{ ...event, outputs: [{ name: 'no-namespace' }] }, 'outputs/0'],
      // A facet the store reads must have its standard shape.
      [
        {
          ...event,
          outputs: [
            {
              namespace: NS,
              name: 'x.y.z',
              facets: {
                columnLineage: facet('ColumnLineageDatasetFacet', {
                  fields: { a: { inputFields: [{ name: 'q' }] } },
                }),
              },
            },
          ],
        },
        'columnLineage/fields/a/inputFields/0',
      ],
      [
        {
          ...event,
          outputs: [
            {
              namespace: NS,
              name: 'x.y.z',
              facets: { schema: facet('SchemaDatasetFacet', { fields: 'a' }) },
            },
          ],
        },
        'schema/fields',
      ],
      [
        {
          ...event,
          inputs: [
            {
              namespace: NS,
              name: 'x.y.z',
              inputFacets: {
                dataQualityAssertions: facet(
                  'DataQualityAssertionsDatasetFacet',
                  { assertions: [{}] },
                ),
              },
            },
          ],
        },
        'dataQualityAssertions/assertions/0',
      ],
      // Any facet, read or not, is an object naming its producer and schema.
      [
        {
          ...event,
          run: { ...event.run, facets: { vendor_thing: { x: 1 } } },
        },
        'run/facets/vendor_thing',
      ],
      [
        { ...event, job: { ...event.job, facets: { sql: 'select 1' } } },
        'job/facets/sql',
      ],
      [
        {
          ...event,
          outputs: [
            { namespace: NS, name: 'x.y.z', outputFacets: { rows: [] } },
          ],
        },
        'outputFacets/rows',
      ],
      [
        {
          ...event,
          outputs: [
            {
              namespace: NS,
              name: 'x.y.z',
              facets: { schema: { fields: [] } },
            },
          ],
        },
        'facets/schema',
      ],
      // A colon in a name or field would make a node id that reads back as
      // another node (the namespace may hold colons).
      [
        { ...event, outputs: [{ namespace: NS, name: 'x.y:z' }] },
        'outputs/0/name',
      ],
      // The spec's events without a run, which clients send to this URL.
      [
        {
          eventTime: event.eventTime,
          producer: 'p',
          schemaURL:
            'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent',
          dataset: { namespace: NS, name: 'x.y.z' },
        },
        'request/body is an OpenLineage DatasetEvent (no run): only RunEvents are recorded',
      ],
      [
        {
          eventTime: event.eventTime,
          producer: 'p',
          job: event.job,
          outputs: [],
        },
        'request/body is an OpenLineage JobEvent (no run)',
      ],
      [{ ...event, job: { namespace: NS, name: 'run:x' } }, 'job/name'],
      [
        {
          ...event,
          outputs: [
            {
              namespace: NS,
              name: 'x.y.z',
              facets: {
                schema: {
                  _producer: 'p',
                  _schemaURL: 'https://openlineage.io/s',
                  fields: [{ name: 'a:b' }],
                },
              },
            },
          ],
        },
        'facets/schema/fields/0/name',
      ],
      // Text no store keeps as sent: a lone surrogate would read back as
      // U+FFFD (another name), and PostgreSQL refuses U+0000.
      [
        { ...event, outputs: [{ namespace: NS, name: 'x.y.z\ud800' }] },
        'outputs/0/name is not storable: Contains a lone surrogate U+D800',
      ],
      [
        {
          ...event,
          outputs: [
            {
              namespace: NS,
              name: 'x.y.z',
              facets: {
                schema: facet('SchemaDatasetFacet', {
                  fields: [{ name: 'a\u0000b' }],
                }),
              },
            },
          ],
        },
        'schema/fields/0/name is not storable: Contains NUL (U+0000)',
      ],
    ] as const) {
      const refused = await request(server)
        .post(EVENTS)
        .set('authorization', PRODUCER)
        .send(body);
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain(path);
    }
    // None of them left a trace.
    const traces = await request(server)
      .get('/api/lineage/api/v1/search')
      .query({ q: 'x.y.z' })
      .set('authorization', user);
    expect(traces.body.totalCount).toBe(0);
    // Nor is such text a search or a node: PostgreSQL would answer a 500.
    const nul = await request(server)
      .get('/api/lineage/api/v1/search')
      .query({ q: 'x\u0000' })
      .set('authorization', user);
    expect(nul.status).toBe(400);
    expect(nul.body.error.message).toContain('request/query/q is not storable');
    // A producer's own facets are kept, not refused.
    const odd = {
      ...scoutChain()[1],
      run: {
        runId: scoutChain()[1].run.runId,
        facets: { vendor_thing: facet('VendorThingRunFacet', { x: 1 }) },
      },
    };
    expect(
      (
        await request(server)
          .post(EVENTS)
          .set('authorization', PRODUCER)
          .send(odd)
      ).status,
    ).toBe(201);

    // A RENAME's previousIdentifier is read when usable, never refused.
    for (const previousIdentifier of [
      { namespace: NS, name: 'x.y.before' },
      'x.y.before',
      { name: 42 },
    ]) {
      const [rename] = scoutChain();
      rename.outputs![0].facets!.lifecycleStateChange = {
        ...facet('LifecycleStateChangeDatasetFacet', {}),
        lifecycleStateChange: 'RENAME',
        previousIdentifier,
      };
      expect(
        (
          await request(server)
            .post(EVENTS)
            .set('authorization', PRODUCER)
            .send(rename)
        ).status,
      ).toBe(201);
    }

    // RFC 3339 allows a leap second; it is taken as the next second.
    const leap = { ...scoutChain()[1], eventTime: '2016-12-31T23:59:60Z' };
    expect(
      (
        await request(server)
          .post(EVENTS)
          .set('authorization', PRODUCER)
          .send(leap)
      ).status,
    ).toBe(201);

    const gold = `dataset:${NS}:iceberg.gold.daily_store_sales`;
    const graph = await request(server)
      .get('/api/lineage/api/v1/lineage')
      .query({ nodeId: gold, depth: 2 })
      .set('authorization', user);
    expect(graph.status).toBe(200);
    expect(graph.body.graph.map((n: { id: string }) => n.id)).toContain(
      `dataset:${NS}:iceberg.bronze.transactions`,
    );

    const columns = await request(server)
      .get('/api/lineage/api/v1/column-lineage')
      .query({
        nodeId: `datasetField:${NS}:iceberg.gold.daily_store_sales:revenue`,
        depth: 5,
      })
      .set('authorization', user);
    expect(columns.status).toBe(200);
    expect(columns.body.graph.map((n: { id: string }) => n.id)).toContain(
      `datasetField:${NS}:iceberg.bronze.transactions:total`,
    );

    const tooDeep = await request(server)
      .get('/api/lineage/api/v1/lineage')
      .query({ nodeId: gold, depth: 6 })
      .set('authorization', user);
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.error.message).toContain('lineage.maxDepth');

    const unknown = await request(server)
      .get('/api/lineage/api/v1/lineage')
      .query({ nodeId: `dataset:${NS}:nope` })
      .set('authorization', user);
    expect(unknown.status).toBe(404);

    const badId = await request(server)
      .get('/api/lineage/impact')
      .query({ nodeId: 'table:x' })
      .set('authorization', user);
    expect(badId.status).toBe(400);

    const impact = await request(server)
      .get('/api/lineage/impact')
      .query({
        nodeId: `datasetField:${NS}:iceberg.silver.transactions:amount`,
      })
      .set('authorization', user);
    expect(impact.status).toBe(200);
    expect(impact.body.datasets.map((d: { name: string }) => d.name)).toEqual([
      'iceberg.gold.daily_store_sales',
    ]);

    const search = await request(server)
      .get('/api/lineage/api/v1/search')
      .query({ q: 'iceberg.gold.daily' })
      .set('authorization', user);
    expect(search.body.totalCount).toBe(1);
  });

  it('takes a batch of events whole, or none of it', async () => {
    const server = await start();
    const post = (body: unknown) =>
      request(server)
        .post(`${EVENTS}/batch`)
        .set('authorization', PRODUCER)
        .send(body as object);
    const chain = scoutChain();
    const search = async (q: string) =>
      (
        await request(server)
          .get('/api/lineage/api/v1/search')
          .query({ q })
          .set('authorization', PRODUCER)
      ).body.totalCount;

    // A malformed third event, or a cycle between two events: nothing stays.
    const malformed = await post([
      chain[0],
      chain[1],
      { ...chain[2], run: { runId: 'nope' } },
    ]);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('2/run/runId');
    const jobEvent = { eventTime: chain[0].eventTime, job: chain[0].job };
    expect((await post([chain[0], jobEvent])).body.error.message).toContain(
      'request/body/1 is an OpenLineage JobEvent',
    );
    const cyclic = await post([
      runEvent('a_from_b', ['x.y.b'], 'x.y.a', { v: [['x.y.b', 'v']] }),
      runEvent('b_from_a', ['x.y.a'], 'x.y.b', { v: [['x.y.a', 'v']] }),
    ]);
    expect(cyclic.status).toBe(400);
    expect(cyclic.body.error.message).toContain('cyclic column lineage');
    expect(await search('transactions')).toBe(0);
    expect(await search('x.y.')).toBe(0);

    expect((await post([])).status).toBe(400);
    expect(
      (await request(server).post(`${EVENTS}/batch`).send(chain)).status,
    ).toBe(401);

    const first = await post(chain);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ recorded: chain.length, replays: 0 });
    expect(await search('iceberg.gold.daily')).toBe(1);
    // A batch sent again is absorbed.
    expect((await post(chain)).body).toEqual({
      recorded: 0,
      replays: chain.length,
    });
  });
});

describe('the lineage API for people', () => {
  jest.setTimeout(60_000);

  it('lets a signed-in user read and refuses their events', async () => {
    const { server } = await startTestBackend({
      features: [
        lineagePlugin,
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
      ],
    });
    const user = mockCredentials.user.header();
    const [event] = scoutChain();
    expect(
      (
        await request(server)
          .post(EVENTS)
          .set('authorization', user)
          .send(event)
      ).status,
    ).toBe(403);
    const service = mockCredentials.service.header();
    expect(
      (
        await request(server)
          .post(EVENTS)
          .set('authorization', service)
          .send(event)
      ).status,
    ).toBe(201);
    const read = await request(server)
      .get('/api/lineage/api/v1/search')
      .query({ q: 'silver' })
      .set('authorization', user);
    expect(read.status).toBe(200);
    expect(
      read.body.results.map((r: { nodeId: string }) => r.nodeId),
    ).toContain(`dataset:${NS}:iceberg.silver.transactions`);
  });
});

describe('dbt artifacts', () => {
  jest.setTimeout(60_000);

  it('derives lineage for producers, all or none, and says what is wrong with bad artifacts', async () => {
    const server = await start();
    const ARTIFACTS = '/api/lineage/dbt-artifacts';
    const body = {
      manifest: shopManifest,
      catalog: shopCatalog,
      runResults: shopRunResults,
      sources: shopSources,
    };
    expect((await request(server).post(ARTIFACTS).send(body)).status).toBe(401);
    const sent = await request(server)
      .post(ARTIFACTS)
      .set('authorization', PRODUCER)
      .send(body);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      models: 2,
      events: 2,
      recorded: 2,
      warnings: [expect.stringMatching(/^model\.shop\.broken/)],
    });
    const again = await request(server)
      .post(ARTIFACTS)
      .set('authorization', PRODUCER)
      .send(body);
    expect(again.body.recorded).toBe(0);
    const column = await request(server)
      .get('/api/lineage/api/v1/column-lineage')
      .query({
        nodeId:
          'datasetField:snowflake://shop:ANALYTICS.STAGING.ORDERS:AMOUNT_CENTS',
      })
      .set('authorization', PRODUCER);
    expect(column.status).toBe(200);
    expect(column.body.graph.map((n: { id: string }) => n.id)).toContain(
      'datasetField:snowflake://shop:RAW.SHOP.ORDERS:AMOUNT',
    );

    // The failing test shows on the model it tests, with the failing rows' query.
    const graph = await request(server)
      .get('/api/lineage/api/v1/lineage')
      .query({
        nodeId: 'dataset:snowflake://shop:ANALYTICS.STAGING.ORDERS',
        depth: 1,
      })
      .set('authorization', PRODUCER);
    const orders = graph.body.graph.find(
      (n: { id: string }) =>
        n.id === 'dataset:snowflake://shop:ANALYTICS.STAGING.ORDERS',
    );
    expect(orders.data.quality).toEqual({
      eventTime: '2026-01-01T00:00:00.000Z',
      passed: 1,
      warned: 0,
      failed: 1,
      assertions: [
        {
          assertion: 'not_null_orders_id',
          success: false,
          column: 'ID',
          status: 'fail',
          message: 'Got 3 results, configured to fail if != 0',
          failures: 3,
          failingRowsQuery:
            'select * from "ANALYTICS"."STAGING"."ORDERS" where ID is null',
          source: 'dbt',
        },
        {
          assertion: 'orders_not_empty',
          success: true,
          status: 'pass',
          source: 'dbt',
        },
      ],
    });
    const source = graph.body.graph.find(
      (n: { id: string }) =>
        n.id === 'dataset:snowflake://shop:RAW.SHOP.ORDERS',
    );
    expect(source.data.quality).toBeNull();
    expect(source.data.freshness).toMatchObject({
      status: 'warn',
      ageSeconds: 7440,
    });
    // What is built from failing data says so; the failing table itself and
    // its sources do not.
    const upstreamFailed = Object.fromEntries(
      graph.body.graph
        .filter((n: { type: string }) => n.type === 'DATASET')
        .map((n: { data: { name: string; upstreamFailed: boolean } }) => [
          n.data.name,
          n.data.upstreamFailed,
        ]),
    );
    expect(upstreamFailed).toEqual({
      'ANALYTICS.STAGING.ORDERS': false,
      'ANALYTICS.STAGING.BROKEN': true,
      'RAW.SHOP.ORDERS': false,
      'RAW.SHOP.OLD_ORDERS': false,
    });

    const bad = await request(server)
      .post(ARTIFACTS)
      .set('authorization', PRODUCER)
      .send({ manifest: { metadata: {} } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /is not a dbt manifest\.json \(no nodes\)/,
    );
    const noManifest = await request(server)
      .post(ARTIFACTS)
      .set('authorization', PRODUCER)
      .send({ catalog: shopCatalog });
    expect(noManifest.status).toBe(400);
    expect(noManifest.body.error.message).toMatch(/manifest/);
  });
});
