import type { Knex } from 'knex';
import { lineageDatabases } from '../__testUtils__/databases';
import { NS, runEvent, scoutChain } from '../__testUtils__/events';
import { datasetNodeId } from '../request/nodeId';
import { LineageGraph } from './LineageGraph';
import { LineageStore } from './LineageStore';

const databases = lineageDatabases();
afterAll(() => databases.closeAll());

const BRONZE = 'iceberg.bronze.transactions';
const SILVER = 'iceberg.silver.transactions';
const STORES = 'iceberg.silver.stores';
const GOLD = 'iceberg.gold.daily_store_sales';
const DUCK = 'duckdb://scout';

const dataset = (namespace: string, name: string) => ({
  nodeId: datasetNodeId(namespace, name),
  namespace,
  name,
});

describe.each(databases.ids)('upstream by names on %s', id => {
  let db: Knex;
  let graph: LineageGraph;

  beforeAll(async () => {
    db = await databases.init(id);
    const store = new LineageStore(db);
    await store.recordAll(scoutChain());
    // The same gold table built on DuckDB, from a Postgres source too.
    const duck = runEvent(
      'duck_gold',
      [SILVER, 'postgresql.scout.stores'],
      GOLD,
      {
        revenue: [[SILVER, 'amount']],
      },
    );
    duck.inputs = duck.inputs!.map(d => ({ ...d, namespace: DUCK }));
    duck.outputs = duck.outputs!.map(d => ({ ...d, namespace: DUCK }));
    duck.outputs[0].facets = {};
    await store.record(duck);
    graph = new LineageGraph(db, { maxDepth: 20, maxNodes: 2000 });
  });

  it('answers each name with what its writers read, in every namespace', async () => {
    expect(
      await graph.upstreamByNames([GOLD, BRONZE, 'no.such.table', GOLD]),
    ).toEqual([
      {
        name: GOLD,
        upstream: [
          dataset(DUCK, SILVER),
          dataset(DUCK, 'postgresql.scout.stores'),
          dataset(NS, STORES),
          dataset(NS, SILVER),
        ],
      },
      // Read, never written: nothing upstream; unknown: the same.
      { name: BRONZE, upstream: [] },
      { name: 'no.such.table', upstream: [] },
    ]);
  });

  it('agrees with the depth 1 graph around each dataset', async () => {
    const rows: { namespace: string; name: string }[] = await db(
      'lineage_datasets',
    ).select('namespace', 'name');
    const names = [...new Set(rows.map(r => r.name))];
    const answers = await graph.upstreamByNames(names);
    for (const { name, upstream } of answers) {
      const walked = new Set<string>();
      for (const row of rows.filter(r => r.name === name)) {
        const { graph: nodes } = await graph.lineage(
          { type: 'dataset', namespace: row.namespace, name },
          1,
        );
        const byId = new Map(nodes.map(n => [n.id, n]));
        const self = datasetNodeId(row.namespace, name);
        for (const writer of byId.get(self)!.inEdges) {
          for (const read of byId.get(writer.origin)!.inEdges) {
            walked.add(read.origin);
          }
        }
      }
      expect(upstream.map(d => d.nodeId).sort()).toEqual([...walked].sort());
    }
  });

  it('costs the same queries for one name as for hundreds', async () => {
    const queries = async (names: string[]) => {
      let count = 0;
      const onQuery = () => {
        count += 1;
      };
      db.on('query', onQuery);
      try {
        await graph.upstreamByNames(names);
      } finally {
        db.off('query', onQuery);
      }
      return count;
    };
    const many = [
      GOLD,
      ...Array.from({ length: 400 }, (_, i) => `iceberg.x.t${i}`),
    ];
    expect(await queries(many)).toBe(await queries([GOLD]));
  });
});
