import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { lineageDatabases } from './__testUtils__/databases';
import { NS, scoutChain } from './__testUtils__/events';
import { lineagePlugin } from './plugin';

// What the read routes answer a query they cannot follow: a 400 that says
// what is wrong, or a 404 naming what was looked for, never a bare 404 or
// an empty 200.
const databases = lineageDatabases();
afterAll(() => databases.closeAll());

const GOLD = 'iceberg.gold.daily_store_sales';

describe.each(databases.ids)('malformed queries (%s)', id => {
  jest.setTimeout(60_000);

  it('says what is wrong with a node id or a query value', async () => {
    const { server } = await startTestBackend({
      features: [
        lineagePlugin,
        mockServices.database.factory({ knex: await databases.init(id) }),
      ],
    });
    const auth = mockCredentials.user.header();
    const recorded = await request(server)
      .post('/api/lineage/api/v1/lineage/batch')
      .set('authorization', mockCredentials.service.header())
      .send(scoutChain());
    expect(recorded.status).toBe(201);
    // supertest sends the path as written: these are not re-encoded.
    const get = async (path: string) => {
      const res = await request(server)
        .get(`/api/lineage${path}`)
        .set('authorization', auth);
      return { status: res.status, message: res.body?.error?.message };
    };
    const field = (nodeId: string) => encodeURIComponent(nodeId);

    // A dataset id sent as a field's: NS's port read as the dataset.
    const lacking = field(`datasetField:${NS}:${GOLD}`);
    for (const path of [
      `/api/v1/column-lineage?nodeId=${lacking}`,
      `/impact?nodeId=${lacking}`,
    ]) {
      expect(await get(path)).toEqual({
        status: 400,
        message: expect.stringContaining(
          `lacks a field: "dataset:${NS}:${GOLD}" is a dataset`,
        ),
      });
    }
    // Neither reading stored: a 404 naming both parts and the shape.
    expect(
      await get(
        `/api/v1/column-lineage?nodeId=${field(
          'datasetField:trino://h:8080:iceberg.gold.t',
        )}`,
      ),
    ).toEqual({
      status: 404,
      message: expect.stringContaining(
        'no dataset "8080" in namespace "trino://h" (looked for its field "iceberg.gold.t"): a field\'s id is datasetField:<namespace>:<dataset>:<field>',
      ),
    });
    // A URI cut at its "://": the parser tells.
    expect(
      await get(`/impact?nodeId=${field('datasetField:postgres://db:s.t')}`),
    ).toEqual({
      status: 400,
      message: expect.stringContaining('lacks a field'),
    });
    expect(
      (await get(`/api/v1/lineage?nodeId=${field(`dataset:${NS}`)}`)).message,
    ).toContain(`lacks a name: "${NS}" is a namespace`);
    // The whole id still reads.
    expect(
      (
        await get(
          `/impact?nodeId=${field(`datasetField:${NS}:${GOLD}:revenue`)}`,
        )
      ).status,
    ).toBe(200);

    // Not UTF-8 once decoded: Express would leave the escapes in the value.
    for (const [query, param] of [
      ['q=%E0%A4%A', 'q'],
      ['q=%ED%A0%BD', 'q'],
      ['q=x&filter=%ED%A0%BD', 'filter'],
    ]) {
      expect(await get(`/api/v1/search?${query}`)).toEqual({
        status: 400,
        message: expect.stringContaining(
          `request/query/${param} is not percent-encoded UTF-8`,
        ),
      });
    }
    expect(
      (await get('/api/v1/lineage?nodeId=dataset%3Ans%3A%ED%A0%BD%ED%B3%88'))
        .message,
    ).toContain('request/query/nodeId is not percent-encoded UTF-8');
    expect(await get('/api/v1/search?q=%F0%9F%93%88')).toEqual({
      status: 200,
      message: undefined,
    });
  });

  it('names an answer over lineage.maxNodes apart from other 400s', async () => {
    const { server } = await startTestBackend({
      features: [
        lineagePlugin,
        mockServices.database.factory({ knex: await databases.init(id) }),
        mockServices.rootConfig.factory({ data: { lineage: { maxNodes: 3 } } }),
      ],
    });
    await request(server)
      .post('/api/lineage/api/v1/lineage/batch')
      .set('authorization', mockCredentials.service.header())
      .send(scoutChain());
    const res = await request(server)
      .get(
        `/api/lineage/api/v1/lineage?depth=2&nodeId=${encodeURIComponent(
          `dataset:${NS}:${GOLD}`,
        )}`,
      )
      .set('authorization', mockCredentials.user.header());
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'GraphTooLargeError',
      message: expect.stringContaining('more than 3 nodes (lineage.maxNodes)'),
    });
    // Impact takes no depth: its advice is not a smaller one.
    for (const nodeId of [
      `dataset:${NS}:iceberg.silver.transactions`,
      `datasetField:${NS}:iceberg.silver.transactions:amount`,
    ]) {
      const impact = await request(server)
        .get(`/api/lineage/impact?nodeId=${encodeURIComponent(nodeId)}`)
        .set('authorization', mockCredentials.user.header());
      expect(impact.status).toBe(400);
      expect(impact.body.error.name).toBe('GraphTooLargeError');
      expect(impact.body.error.message).toContain(
        'impact follows everything downstream; raise lineage.maxNodes',
      );
      expect(impact.body.error.message).not.toContain('ask for a depth');
    }
  });
});
