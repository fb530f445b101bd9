import { InputError, NotFoundError } from '@backstage/errors';
import type { Knex } from 'knex';
import { lineageDatabases } from '../__testUtils__/databases';
import { facet, NS, runEvent, scoutChain } from '../__testUtils__/events';
import { parseNodeId } from '../request/nodeId';
import { FieldLineage } from './FieldLineage';
import { LineageGraph } from './LineageGraph';
import { LineageStore } from './LineageStore';

const databases = lineageDatabases();
afterAll(() => databases.closeAll());

const GOLD = 'iceberg.gold.daily_store_sales';

async function counts(db: Knex) {
  const tables = [
    'lineage_events',
    'lineage_datasets',
    'lineage_fields',
    'lineage_jobs',
    'lineage_job_io',
    'lineage_field_edges',
  ];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [{ n }] = await db(t).count({ n: '*' });
    out[t] = Number(n);
  }
  return out;
}

describe.each(databases.ids)('the lineage store on %s', id => {
  let db: Knex;
  let store: LineageStore;
  let graph: LineageGraph;
  let fields: FieldLineage;

  beforeAll(async () => {
    db = await databases.init(id);
    store = new LineageStore(db);
    graph = new LineageGraph(db, { maxDepth: 20, maxNodes: 2000 });
    fields = new FieldLineage(db, graph);
    for (const event of scoutChain()) await store.record(event);
  });

  it('absorbs a replayed event: nothing changes', async () => {
    const before = await counts(db);
    const [first] = scoutChain();
    const replay = { ...first, run: { runId: 'fixed' } };
    await store.record(replay);
    const once = await counts(db);
    // Key order does not make an event new.
    const reordered = Object.fromEntries(
      Object.entries(replay).reverse(),
    ) as typeof replay;
    expect(await store.record(reordered)).toEqual({ recorded: false });
    expect(await counts(db)).toEqual(once);
    expect(once.lineage_events).toBe(before.lineage_events + 1);
    expect(once.lineage_field_edges).toBe(before.lineage_field_edges);
  });

  it('answers the graph around gold: its job and inputs at depth 1, bronze at depth 2', async () => {
    const one = await graph.lineage(
      parseNodeId(`dataset:${NS}:${GOLD}`) as any,
      1,
    );
    const ids = one.graph.map(n => n.id).sort();
    expect(ids).toEqual(
      [
        `dataset:${NS}:${GOLD}`,
        `dataset:${NS}:iceberg.silver.stores`,
        `dataset:${NS}:iceberg.silver.transactions`,
        'job:scout:gold_daily_store_sales',
        'job:scout:platinum_store_features',
        `dataset:${NS}:iceberg.platinum.store_features`,
      ].sort(),
    );
    const gold = one.graph.find(n => n.id === `dataset:${NS}:${GOLD}`)!;
    expect(gold.inEdges).toEqual([
      {
        origin: 'job:scout:gold_daily_store_sales',
        destination: `dataset:${NS}:${GOLD}`,
      },
    ]);
    expect((gold.data as { fields: unknown }).fields).toEqual(
      expect.arrayContaining([{ name: 'revenue', type: 'varchar' }]),
    );
    const two = await graph.lineage(
      parseNodeId(`dataset:${NS}:${GOLD}`) as any,
      2,
    );
    expect(two.graph.map(n => n.id)).toContain(
      `dataset:${NS}:iceberg.bronze.transactions`,
    );
    const zero = await graph.lineage(
      parseNodeId(`dataset:${NS}:${GOLD}`) as any,
      0,
    );
    expect(zero.graph.map(n => n.id)).toEqual([`dataset:${NS}:${GOLD}`]);
  });

  it('follows revenue back to the ingest payload total', async () => {
    const answer = await fields.columnLineage(
      { namespace: NS, name: GOLD },
      'revenue',
      5,
      false,
    );
    const revenue = answer.graph.find(n => n.data.field === 'revenue')!;
    expect(revenue.data.inputFields).toEqual([
      expect.objectContaining({
        dataset: 'iceberg.silver.transactions',
        field: 'amount',
        transformationType: 'DIRECT',
      }),
    ]);
    expect(answer.graph.map(n => n.id)).toContain(
      `datasetField:${NS}:iceberg.bronze.transactions:total`,
    );
    expect(answer.graph.map(n => n.id)).not.toContain(
      `datasetField:${NS}:iceberg.platinum.store_features:avg_revenue`,
    );
    const both = await fields.columnLineage(
      { namespace: NS, name: GOLD },
      'revenue',
      5,
      true,
    );
    expect(both.graph.map(n => n.id)).toContain(
      `datasetField:${NS}:iceberg.platinum.store_features:avg_revenue`,
    );
  });

  it('lists exactly what reads a silver column as its impact', async () => {
    const impact = await fields.impact({
      namespace: NS,
      dataset: 'iceberg.silver.transactions',
      field: 'amount',
    });
    expect(impact.datasets.map(d => [d.name, d.distance])).toEqual([
      ['iceberg.gold.daily_store_sales', 1],
      ['iceberg.gold.payment_mix', 1],
      ['iceberg.platinum.store_features', 2],
    ]);
    expect(impact.fields.map(f => `${f.dataset}.${f.field}`)).toEqual([
      'iceberg.gold.daily_store_sales.revenue',
      'iceberg.gold.payment_mix.share',
      'iceberg.platinum.store_features.avg_revenue',
    ]);
    // store_id flows to gold and platinum but not to the payment mix.
    const storeId = await fields.impact({
      namespace: NS,
      dataset: 'iceberg.silver.transactions',
      field: 'store_id',
    });
    expect(storeId.datasets.map(d => d.name)).toEqual([
      'iceberg.gold.daily_store_sales',
      'iceberg.platinum.store_features',
    ]);
    const dataset = await graph.downstream({
      type: 'dataset',
      namespace: NS,
      name: 'iceberg.silver.stores',
    });
    expect(dataset.datasets.map(d => d.name)).toEqual([
      'iceberg.gold.daily_store_sales',
      'iceberg.platinum.store_features',
    ]);
  });

  it("takes a job's inputs and outputs from its newest event, whatever order they arrive in", async () => {
    const v2 = runEvent(
      'gold_payment_mix',
      ['iceberg.silver.payments'],
      'iceberg.gold.payment_mix',
      {
        payment: [['iceberg.silver.payments', 'method']],
      },
      '2026-12-01T11:00:00Z',
    );
    await store.record(v2);
    const older = runEvent(
      'gold_payment_mix',
      ['iceberg.silver.transactions'],
      'iceberg.gold.payment_mix',
      {
        payment: [['iceberg.silver.transactions', 'payment']],
      },
      '2026-12-01T09:00:00Z',
    );
    await store.record(older);
    const mix = await fields.columnLineage(
      { namespace: NS, name: 'iceberg.gold.payment_mix' },
      'payment',
      1,
      false,
    );
    expect(
      mix.graph
        .find(n => n.data.field === 'payment')!
        .data.inputFields.map(f => f.dataset),
    ).toEqual(['iceberg.silver.payments']);
    // The latest run is the newest event's too, not the last to arrive.
    const job = await graph.lineage(
      { type: 'job', namespace: 'scout', name: 'gold_payment_mix' },
      0,
    );
    expect(job.graph[0].data).toMatchObject({
      latestRun: { runId: v2.run.runId, state: 'COMPLETE' },
    });
  });

  it('refuses cyclic column lineage with a 400 naming the cycle, and changes nothing', async () => {
    const before = await counts(db);
    // Two columns each computed from the other, in one batch with a good event.
    const pair = runEvent('pair', ['x.y.u'], 'x.y.u', {
      a: [['x.y.u', 'b']],
      b: [['x.y.u', 'a']],
    });
    const good = runEvent('good', ['x.y.v'], 'x.y.w', { a: [['x.y.v', 'a']] });
    await expect(store.recordAll([good, pair])).rejects.toThrow(
      /cyclic column lineage x\.y\.u\.(a|b) ← x\.y\.u\.(b|a) ← x\.y\.u\.(a|b)/,
    );
    expect(await counts(db)).toEqual(before);
    // A job may rewrite a table from its other columns (an UPDATE).
    const inPlace = runEvent('in place', ['x.y.z'], 'x.y.z', {
      embedding: [['x.y.z', 'content']],
    });
    expect(await store.record(inPlace)).toEqual({ recorded: true });
  });

  it('refuses an event whose column lineage closes a cycle with stored lineage', async () => {
    await store.record(
      runEvent('c1', ['c.s.a'], 'c.s.b', { x: [['c.s.a', 'x']] }),
    );
    await store.record(
      runEvent('c2', ['c.s.b'], 'c.s.c', { x: [['c.s.b', 'x']] }),
    );
    const before = await counts(db);
    const closing = runEvent('c3', ['c.s.c'], 'c.s.a', { x: [['c.s.c', 'x']] });
    await expect(store.record(closing)).rejects.toThrow(
      'cyclic column lineage: c.s.a.x ← c.s.c.x, which is already computed from c.s.a.x',
    );
    expect(await counts(db)).toEqual(before);
    // A job may turn its own edge around: its old edges are replaced.
    const turned = runEvent(
      'c1',
      ['c.s.b'],
      'c.s.a',
      { x: [['c.s.b', 'x']] },
      '2026-12-01T12:00:00Z',
    );
    expect(await store.record(turned)).toEqual({ recorded: true });
  });

  it('records concurrent events together, each with its own outcome', async () => {
    const events = Array.from({ length: 6 }, (_, i) =>
      runEvent(`together ${i}`, [`t.s.in${i}`], `t.s.out${i}`, {
        a: [[`t.s.in${i}`, 'a']],
      }),
    );
    const cyclic = runEvent('cyclic', ['t.s.c'], 't.s.c', {
      a: [['t.s.c', 'b']],
      b: [['t.s.c', 'a']],
    });
    const outcomes = await Promise.allSettled(
      [...events.slice(0, 3), cyclic, ...events.slice(3), events[0]].map(e =>
        store.record(e),
      ),
    );
    expect(outcomes.map(o => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    // The replay of the first, in the same batch, records nothing.
    expect((outcomes[7] as PromiseFulfilledResult<unknown>).value).toEqual({
      recorded: false,
    });
    const found = await graph.search('t.s.out', 'DATASET', 20);
    expect(found.totalCount).toBe(6);
  });

  it("takes a job's newest inputs within one batch too", async () => {
    const older = runEvent(
      'batched',
      ['b.s.old'],
      'b.s.t',
      { a: [['b.s.old', 'a']] },
      '2026-12-01T09:00:00Z',
    );
    const newer = runEvent(
      'batched',
      ['b.s.new'],
      'b.s.t',
      { a: [['b.s.new', 'a']] },
      '2026-12-01T11:00:00Z',
    );
    await store.recordAll([newer, older]);
    const { graph: nodes } = await graph.lineage(
      { type: 'job', namespace: 'scout', name: 'batched' },
      1,
    );
    expect(nodes.map(n => n.id)).toContain(`dataset:${NS}:b.s.new`);
    expect(nodes.map(n => n.id)).not.toContain(`dataset:${NS}:b.s.old`);
  });

  it('keeps fields of datasets that share names apart within one batch', async () => {
    // Stored: f.s.a(p, q) and f.s.b(q, r). A batch naming a.p, a.q, b.q and
    // b.r looks them up by dataset and by name: the lookup also meets a.r
    // and b.p when they exist, so they must not be taken for asked ones.
    await store.record(runEvent('fa', [], 'f.s.a', { p: [], q: [] }));
    await store.record(runEvent('fb', [], 'f.s.b', { q: [], r: [] }));
    await store.recordAll([
      runEvent('fc', [], 'f.s.c', { x: [['f.s.a', 'p']], y: [['f.s.b', 'r']] }),
      runEvent('fd', [], 'f.s.d', { x: [['f.s.a', 'q']], y: [['f.s.b', 'q']] }),
    ]);
    const names = await db('lineage_fields')
      .join('lineage_datasets', 'lineage_datasets.id', 'dataset_id')
      .whereIn('lineage_datasets.name', ['f.s.a', 'f.s.b'])
      .select('lineage_datasets.name as dataset', 'lineage_fields.name');
    expect(names.map(f => `${f.dataset}.${f.name}`).sort()).toEqual([
      'f.s.a.p',
      'f.s.a.q',
      'f.s.b.q',
      'f.s.b.r',
    ]);
    const y = await fields.columnLineage(
      { namespace: NS, name: 'f.s.c' },
      'y',
      1,
      false,
    );
    expect(y.graph.map(n => n.id)).toContain(`datasetField:${NS}:f.s.b:r`);
    expect(y.graph.map(n => n.id)).not.toContain(`datasetField:${NS}:f.s.a:p`);
  });

  it('refuses depths and answers over the limits, and names unknown nodes', async () => {
    const small = new LineageGraph(db, { maxDepth: 3, maxNodes: 4 });
    const node = { type: 'dataset' as const, namespace: NS, name: GOLD };
    await expect(small.lineage(node, 4)).rejects.toThrow(InputError);
    await expect(small.lineage(node, 4)).rejects.toThrow(
      'depth 4 is over the limit of 3',
    );
    await expect(small.lineage(node, 2)).rejects.toThrow('more than 4 nodes');
    // Named apart from other 400s: a reader may ask again at a smaller depth.
    await expect(small.lineage(node, 2)).rejects.toMatchObject({
      name: 'GraphTooLargeError',
      statusCode: 400,
    });
    await expect(
      graph.lineage({ ...node, name: 'iceberg.gold.nope' }, 1),
    ).rejects.toThrow(NotFoundError);
    await expect(
      fields.columnLineage({ namespace: NS, name: GOLD }, 'nope', 1, false),
    ).rejects.toThrow(
      `dataset "${GOLD}" in namespace "${NS}" has no field "nope"`,
    );
  });

  it("keeps each producer's assertions when others report on the same dataset", async () => {
    // Standard producers name themselves only in the facet's _producer.
    const checked = (
      producer: string,
      assertion: string,
      success: boolean,
      at: string,
    ) => ({
      ...runEvent(
        `check ${assertion}`,
        ['q.s.checked'],
        `q.s.report_${assertion}`,
        {},
        at,
      ),
      inputs: [
        {
          namespace: NS,
          name: 'q.s.checked',
          inputFacets: {
            dataQualityAssertions: {
              ...facet('DataQualityAssertionsDatasetFacet', {
                assertions: [{ assertion, success }],
              }),
              _producer: producer,
            },
          },
        },
      ],
    });
    await store.record(
      checked(
        'https://greatexpectations.io',
        'ge_not_null',
        false,
        '2026-12-01T09:00:00Z',
      ),
    );
    await store.record(
      checked(
        'https://github.com/sodadata/soda-core',
        'soda_rows',
        true,
        '2026-12-01T09:10:00Z',
      ),
    );
    const { graph: nodes } = await graph.lineage(
      { type: 'dataset', namespace: NS, name: 'q.s.checked' },
      0,
    );
    expect((nodes[0].data as { quality: unknown }).quality).toMatchObject({
      passed: 1,
      failed: 1,
      assertions: [
        { assertion: 'ge_not_null', source: 'https://greatexpectations.io' },
        {
          assertion: 'soda_rows',
          source: 'https://github.com/sodadata/soda-core',
        },
      ],
    });
  });

  it("keeps a dataset's owners from its newest ownership facet", async () => {
    const owned = (owners: object[] | 'deleted', at: string) => {
      const event = runEvent(`own ${at}`, [], 'o.s.owned', {}, at);
      event.outputs![0].facets!.ownership = {
        ...facet('OwnershipDatasetFacet', {}),
        ...(owners === 'deleted' ? { _deleted: true } : { owners }),
      };
      return event;
    };
    const ownersNow = async () => {
      const { graph: nodes } = await graph.lineage(
        { type: 'dataset', namespace: NS, name: 'o.s.owned' },
        0,
      );
      return (nodes[0].data as { owners: unknown }).owners;
    };
    await store.record(
      owned(
        [{ name: 'team:payments', type: 'MAINTAINER' }],
        '2026-12-01T10:00:00Z',
      ),
    );
    // An older event's owners do not replace newer ones.
    await store.record(owned([{ name: 'user:bob' }], '2026-12-01T09:00:00Z'));
    expect(await ownersNow()).toEqual([
      { name: 'team:payments', type: 'MAINTAINER' },
    ]);
    // An event without the facet leaves them alone.
    await store.record(
      runEvent('plain', [], 'o.s.owned', {}, '2026-12-01T11:00:00Z'),
    );
    expect(await ownersNow()).toEqual([
      { name: 'team:payments', type: 'MAINTAINER' },
    ]);
    await store.record(owned('deleted', '2026-12-01T12:00:00Z'));
    expect(await ownersNow()).toEqual([]);
  });

  it('says which event last wrote a dataset, with the rows it reported', async () => {
    const write = runEvent(
      'w',
      ['w.s.in'],
      'w.s.out',
      {},
      '2026-12-01T10:00:00Z',
    );
    write.outputs![0].outputFacets = {
      outputStatistics: {
        ...facet('OutputStatisticsOutputDatasetFacet', {}),
        rowCount: 12345,
      },
    };
    await store.record(write);
    // An older run's late event changes nothing.
    await store.record(
      runEvent('w', ['w.s.in'], 'w.s.out', {}, '2026-12-01T09:00:00Z'),
    );
    const { graph: nodes } = await graph.lineage(
      { type: 'dataset', namespace: NS, name: 'w.s.out' },
      0,
    );
    expect((nodes[0].data as { lastWrite: unknown }).lastWrite).toEqual({
      job: { namespace: 'scout', name: 'w' },
      runId: write.run.runId,
      state: 'COMPLETE',
      rows: 12345,
      eventTime: '2026-12-01T10:00:00.000Z',
    });
  });

  it('searches datasets and jobs by part of the name, with LIKE characters taken literally', async () => {
    const found = await graph.search('DAILY', undefined, 10);
    expect(found.results.map(r => r.nodeId).sort()).toEqual([
      `dataset:${NS}:${GOLD}`,
      'job:scout:gold_daily_store_sales',
    ]);
    expect((await graph.search('%', undefined, 10)).totalCount).toBe(0);
    expect(
      (await graph.search('gold', 'JOB', 10)).results.every(
        r => r.type === 'JOB',
      ),
    ).toBe(true);
  });
});
