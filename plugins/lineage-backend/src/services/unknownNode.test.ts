import { InputError, NotFoundError } from '@backstage/errors';
import { lineageDatabases } from '../__testUtils__/databases';
import { NS, runEvent, scoutChain } from '../__testUtils__/events';
import { parseNodeId } from '../request/nodeId';
import { FieldLineage } from './FieldLineage';
import { LineageGraph } from './LineageGraph';
import { LineageStore } from './LineageStore';

const databases = lineageDatabases();
afterAll(() => databases.closeAll());

const GOLD = 'iceberg.gold.daily_store_sales';
const AIRFLOW = 'airflow://h:8080';

// NS is trino://127.0.0.1:8080: an id that lacks its last part parses,
// the port read as the dataset (or name). The lookup says what is wrong.
describe.each(databases.ids)('ids that name nothing stored (%s)', id => {
  let graph: LineageGraph;
  let fields: FieldLineage;

  beforeAll(async () => {
    const db = await databases.init(id);
    const store = new LineageStore(db);
    graph = new LineageGraph(db, { maxDepth: 20, maxNodes: 2000 });
    fields = new FieldLineage(db, graph);
    for (const event of scoutChain()) await store.record(event);
    await store.record(runEvent('unschemed', ['raw.no_fields'], 'x.y.z', {}));
    const dag = runEvent('dag', ['x.y.z'], 'x.y.w', {});
    await store.record({ ...dag, job: { namespace: AIRFLOW, name: 'dag.t' } });
  });

  const field = (nodeId: string) => {
    const node = parseNodeId(nodeId);
    if (node.type !== 'datasetField') throw new Error(`not a field ${nodeId}`);
    return node;
  };
  const columnLineage = (nodeId: string) => {
    const f = field(nodeId);
    return fields.columnLineage(
      { namespace: f.namespace, name: f.dataset },
      f.field,
      1,
      false,
    );
  };

  it('says a field id lacks its field when it is a dataset id', async () => {
    const lacking = `datasetField:${NS}:${GOLD}`;
    expect(field(lacking)).toMatchObject({
      namespace: 'trino://127.0.0.1',
      dataset: '8080',
      field: GOLD,
    });
    const message = `nodeId "${lacking}" lacks a field: "dataset:${NS}:${GOLD}" is a dataset, whose fields are datasetField:${NS}:${GOLD}:<field>`;
    await expect(columnLineage(lacking)).rejects.toThrow(InputError);
    await expect(columnLineage(lacking)).rejects.toThrow(message);
    await expect(fields.impact(field(lacking))).rejects.toThrow(message);
    // The whole id still reads.
    await expect(
      columnLineage(`datasetField:${NS}:${GOLD}:revenue`),
    ).resolves.toMatchObject({ graph: expect.any(Array) });
  });

  it('names what it looked for, and the shape, when neither reading is stored', async () => {
    const lost = `datasetField:${NS}:iceberg.gold.nope`;
    await expect(columnLineage(lost)).rejects.toThrow(NotFoundError);
    await expect(columnLineage(lost)).rejects.toThrow(
      'no dataset "8080" in namespace "trino://127.0.0.1" (looked for its field "iceberg.gold.nope"): a field\'s id is datasetField:<namespace>:<dataset>:<field>',
    );
    await expect(
      columnLineage(`datasetField:${NS}:${GOLD}:nope`),
    ).rejects.toThrow(
      `dataset "${GOLD}" in namespace "${NS}" has no field "nope"`,
    );
    await expect(
      fields.columnLineage(
        { namespace: NS, name: 'raw.no_fields' },
        undefined,
        1,
        false,
      ),
    ).rejects.toThrow(
      `dataset "raw.no_fields" in namespace "${NS}" has no fields recorded`,
    );
  });

  it('says a dataset or job id lacks its name when it is a namespace', async () => {
    const node = (nodeId: string) => {
      const n = parseNodeId(nodeId);
      if (n.type === 'datasetField') throw new Error(`a field ${nodeId}`);
      return n;
    };
    const lacking = node(`dataset:${NS}`);
    const message = `nodeId "dataset:${NS}" lacks a name: "${NS}" is a namespace, whose datasets are dataset:${NS}:<name>`;
    await expect(graph.lineage(lacking, 1)).rejects.toThrow(InputError);
    await expect(graph.lineage(lacking, 1)).rejects.toThrow(message);
    await expect(graph.downstream(lacking)).rejects.toThrow(message);
    await expect(graph.lineage(node(`job:${AIRFLOW}`), 1)).rejects.toThrow(
      `nodeId "job:${AIRFLOW}" lacks a name: "${AIRFLOW}" is a namespace, whose jobs are job:${AIRFLOW}:<name>`,
    );
    await expect(
      graph.lineage({ type: 'job', namespace: 'scout', name: 'nope' }, 1),
    ).rejects.toThrow(
      `no job "nope" in namespace "scout": a job's id is job:<namespace>:<name>, whose last part is the name`,
    );
  });
});
