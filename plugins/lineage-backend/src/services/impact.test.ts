import { lineageDatabases } from '../__testUtils__/databases';
import { NS, runEvent } from '../__testUtils__/events';
import { FieldLineage } from './FieldLineage';
import { LineageGraph } from './LineageGraph';
import { LineageStore } from './LineageStore';

const databases = lineageDatabases();
afterAll(() => databases.closeAll());

const LENGTH = 30;
const table = (i: number) =>
  `iceberg.silver.chain_${String(i).padStart(2, '0')}`;

// A chain of LENGTH jobs, each copying column k on: longer than
// lineage.maxDepth, which bounds the graph a reader asks for, not impact.
describe.each(databases.ids)('impact on %s', id => {
  let db: Awaited<ReturnType<typeof databases.init>>;

  beforeAll(async () => {
    db = await databases.init(id);
    const store = new LineageStore(db);
    for (let i = 1; i <= LENGTH; i++) {
      await store.record(
        runEvent(`step ${i}`, [table(i - 1)], table(i), {
          k: [[table(i - 1), 'k']],
        }),
      );
    }
  });

  const graphWith = (maxNodes: number) => {
    const graph = new LineageGraph(db, { maxDepth: 5, maxNodes });
    return { graph, fields: new FieldLineage(db, graph) };
  };
  const start = { namespace: NS, dataset: table(0), field: 'k' };

  it('lists everything downstream, past lineage.maxDepth', async () => {
    const { graph, fields } = graphWith(1000);
    const all = Array.from({ length: LENGTH }, (_, i) => [table(i + 1), i + 1]);

    const dataset = await graph.downstream({
      type: 'dataset',
      namespace: NS,
      name: table(0),
    });
    expect(dataset.datasets.map(d => [d.name, d.distance])).toEqual(all);
    expect(dataset.jobs).toHaveLength(LENGTH);

    const column = await fields.impact(start);
    expect(column.fields.map(f => [f.dataset, f.distance])).toEqual(all);
    expect(column.datasets).toHaveLength(LENGTH);
  });

  it('refuses an answer over lineage.maxNodes, with advice that fits impact', async () => {
    const { graph, fields } = graphWith(10);
    const message =
      'more than 10 nodes (lineage.maxNodes): impact follows everything downstream; raise lineage.maxNodes';
    await expect(
      graph.downstream({ type: 'dataset', namespace: NS, name: table(0) }),
    ).rejects.toThrow(message);
    await expect(fields.impact(start)).rejects.toMatchObject({
      name: 'GraphTooLargeError',
      message: expect.stringContaining(message),
    });
  });
});
