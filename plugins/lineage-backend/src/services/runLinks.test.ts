import { InputError } from '@backstage/errors';
import type { Knex } from 'knex';
import { lineageDatabases } from '../__testUtils__/databases';
import { facet, NS, runEvent } from '../__testUtils__/events';
import { FieldLineage } from './FieldLineage';
import { LineageGraph } from './LineageGraph';
import { LineageStore } from './LineageStore';
import type { RunEvent } from './runEvent';

// How real producers' events add up: Spark's START, RUNNING and COMPLETE
// of one run, Airflow's next START and a FAIL, OTHER after the fact, a
// late event; and the column lineage shapes Spark writes (MERGE, several
// transformations, a dataset-level list).
const databases = lineageDatabases();
afterAll(() => databases.closeAll());

const at = (hour: number) =>
  `2026-12-02T${String(hour).padStart(2, '0')}:00:00Z`;
/** The same run's event of another type and time, naming what it names. */
const again = (
  event: RunEvent,
  eventType: string,
  hour: number,
  names: Partial<Pick<RunEvent, 'inputs' | 'outputs'>> = {},
): RunEvent => ({ ...event, eventType, eventTime: at(hour), ...names });

describe.each(databases.ids)('a job’s links across events, on %s', id => {
  let db: Knex;
  let store: LineageStore;
  let graph: LineageGraph;
  let fields: FieldLineage;

  beforeAll(async () => {
    db = await databases.init(id);
    store = new LineageStore(db);
    graph = new LineageGraph(db, { maxDepth: 20, maxNodes: 2000 });
    fields = new FieldLineage(db, graph);
  });

  /** The job's datasets, as `in name` / `out name`, and its state and SQL. */
  async function job(name: string) {
    const { graph: nodes } = await graph.lineage(
      { type: 'job', namespace: 'scout', name },
      1,
    );
    const self = nodes.find(n => n.id === `job:scout:${name}`)!;
    const data = self.data as { latestRun: { state: string }; sql: string };
    return {
      links: [
        ...self.inEdges.map(e => `in ${e.origin.split(':').pop()}`),
        ...self.outEdges.map(e => `out ${e.destination.split(':').pop()}`),
      ].sort(),
      state: data.latestRun.state,
      sql: data.sql,
    };
  }
  const inputsOf = async (dataset: string, field: string) =>
    (
      await fields.columnLineage(
        { namespace: NS, name: dataset },
        field,
        1,
        false,
      )
    ).graph
      .find(n => n.data.field === field)!
      .data.inputFields.map(
        f => `${f.dataset}.${f.field} ${f.transformationType}`,
      );

  it("adds up one run's events, and keeps them through the next run's START and a FAIL", async () => {
    const complete = runEvent(
      'spark',
      ['s.raw'],
      's.clean',
      { a: [['s.raw', 'a']] },
      at(10),
    );
    await store.record(again(complete, 'START', 9, { outputs: [] }));
    await store.record(complete);
    // Spark's RUNNING of the same run, naming one input only.
    await store.record(again(complete, 'RUNNING', 11, { outputs: [] }));
    expect((await job('spark')).links).toEqual(['in s.raw', 'out s.clean']);
    expect(await inputsOf('s.clean', 'a')).toEqual(['s.raw.a DIRECT']);

    // The next run starts naming its inputs only, then fails naming none.
    const next = {
      ...complete,
      run: { runId: '00000000-0000-4000-8000-000000000001' },
    };
    await store.record(
      again(next, 'START', 12, {
        inputs: [{ namespace: NS, name: 's.extra' }],
        outputs: [],
      }),
    );
    await store.record(again(next, 'FAIL', 13, { inputs: [], outputs: [] }));
    expect(await job('spark')).toMatchObject({
      links: ['in s.extra', 'in s.raw', 'out s.clean'],
      state: 'FAIL',
    });
    expect(await inputsOf('s.clean', 'a')).toEqual(['s.raw.a DIRECT']);

    // A later run's COMPLETE is the job's lineage now: what it leaves out goes.
    const third = runEvent(
      'spark',
      ['s.other'],
      's.clean',
      { a: [['s.other', 'a']] },
      at(14),
    );
    await store.record(third);
    expect((await job('spark')).links).toEqual(['in s.other', 'out s.clean']);
    expect(await inputsOf('s.clean', 'a')).toEqual(['s.other.a DIRECT']);
  });

  it("takes a run's corrected COMPLETE whole (an import of the same dbt invocation again)", async () => {
    const first = runEvent(
      'dbt',
      ['r.wrong'],
      'r.model',
      { a: [['r.wrong', 'a']] },
      at(10),
    );
    await store.record(first);
    const fixed = runEvent(
      'dbt',
      ['r.right'],
      'r.model',
      { a: [['r.right', 'a']] },
      at(10),
    );
    await store.record({ ...fixed, run: first.run });
    expect((await job('dbt')).links).toEqual(['in r.right', 'out r.model']);
    expect(await inputsOf('r.model', 'a')).toEqual(['r.right.a DIRECT']);
  });

  it('leaves the state to OTHER events of a finished run, and the SQL to the newest event', async () => {
    const done = runEvent('meta', ['m.in'], 'm.out', {}, at(10));
    await store.record(done);
    await store.record(again(done, 'OTHER', 11));
    expect((await job('meta')).state).toBe('COMPLETE');
    const late = runEvent('meta', ['m.in'], 'm.out', {}, at(8));
    (late.job.facets!.sql as { query: string }).query = 'select old';
    await store.record(late);
    expect((await job('meta')).sql).toBe('insert into m.out select ...');
  });

  it("takes a MERGE's column kept from its old value as no edge, and DIRECT over INDIRECT", async () => {
    const merge: RunEvent = runEvent(
      'merge',
      ['d.staging', 'd.customers'],
      'd.customers',
      {},
      at(10),
    );
    merge.outputs![0].facets!.columnLineage = facet(
      'ColumnLineageDatasetFacet',
      {
        fields: {
          email: {
            inputFields: [
              {
                namespace: NS,
                name: 'd.customers',
                field: 'email',
                transformations: [{ type: 'DIRECT', subtype: 'IDENTITY' }],
              },
              {
                namespace: NS,
                name: 'd.staging',
                field: 'email',
                transformations: [
                  { type: 'INDIRECT', subtype: 'FILTER' },
                  {
                    type: 'DIRECT',
                    subtype: 'TRANSFORMATION',
                    description: 'lower(email)',
                  },
                ],
              },
            ],
          },
          id: {
            inputFields: [{ namespace: NS, name: 'd.staging', field: 'id' }],
          },
        },
        dataset: [
          {
            namespace: NS,
            name: 'd.staging',
            field: 'op',
            transformations: [{ type: 'INDIRECT', subtype: 'FILTER' }],
          },
        ],
      },
    );
    expect(await store.record(merge)).toEqual({ recorded: true });
    // The filter's field (dataset-level) is kept with the event, not drawn.
    expect(await inputsOf('d.customers', 'email')).toEqual([
      'd.staging.email DIRECT',
    ]);
    expect(await inputsOf('d.customers', 'id')).toEqual(['d.staging.id null']);
  });

  it('takes a dataset that only its column lineage names as an input', async () => {
    const ghost = runEvent(
      'ghost',
      ['g.listed'],
      'g.report',
      {
        x: [['g.unlisted', 'x']],
      },
      at(10),
    );
    await store.record(ghost);
    expect((await job('ghost')).links).toEqual([
      'in g.listed',
      'in g.unlisted',
      'out g.report',
    ]);
  });

  it('shows the newest schema: a dropped column goes, a late older schema changes nothing, _deleted empties it', async () => {
    const withSchema = (hour: number, names: string[], deleted = false) => {
      const e = runEvent('evolve', [], 'e.t', {}, at(hour));
      e.outputs![0].facets!.schema = facet('SchemaDatasetFacet', {
        ...(deleted && { _deleted: true }),
        fields: names.map(name => ({ name, type: 'int' })),
      });
      return e;
    };
    const fieldsOf = async () => {
      const { graph: nodes } = await graph.lineage(
        { type: 'dataset', namespace: NS, name: 'e.t' },
        0,
      );
      const data = nodes[0].data as { fields: { name: string }[] };
      return data.fields.map(f => f.name);
    };
    await store.record(withSchema(10, ['a', 'b']));
    await store.record(withSchema(12, ['b', 'c']));
    expect(await fieldsOf()).toEqual(['b', 'c']);
    await store.record(withSchema(11, ['a', 'b', 'x']));
    // Two in one batch: the newer wins whatever the order.
    await store.recordAll([withSchema(14, ['d']), withSchema(13, ['z'])]);
    expect(await fieldsOf()).toEqual(['d']);
    await store.record(withSchema(15, [], true));
    expect(await fieldsOf()).toEqual([]);
  });

  it("keeps a field's type as long as Spark writes a struct's", async () => {
    const type = `struct<${Array.from(
      { length: 120 },
      (_, i) => `field_${i}:string`,
    ).join(',')}>`;
    const wide = runEvent('wide', [], 'w.out', {}, at(10));
    wide.outputs![0].facets!.schema = facet('SchemaDatasetFacet', {
      fields: [{ name: 'payload', type }],
    });
    await store.record(wide);
    const { graph: nodes } = await graph.lineage(
      { type: 'dataset', namespace: NS, name: 'w.out' },
      0,
    );
    expect((nodes[0].data as { fields: unknown }).fields).toEqual([
      { name: 'payload', type },
    ]);
  });

  it('refuses a field name no query could address, and names the event of a batch', async () => {
    const colon = runEvent(
      'colon',
      ['c.in'],
      'c.out',
      { 'a:b': [['c.in', 'a']] },
      at(10),
    );
    await expect(store.record(colon)).rejects.toThrow(
      'request/body/outputs/0/facets/columnLineage/fields: the field "a:b" must be at most 1024 characters',
    );
    const long = runEvent('long', ['c.in'], 'c.out', {}, at(10));
    long.outputs![0].facets!.schema = facet('SchemaDatasetFacet', {
      fields: [{ name: 'x'.repeat(600), fields: [{ name: 'y'.repeat(600) }] }],
    });
    const cyclic = runEvent(
      'pair',
      ['c.t'],
      'c.t',
      { a: [['c.t', 'b']], b: [['c.t', 'a']] },
      at(10),
    );
    await expect(store.recordAll([colon])).rejects.toThrow(
      'request/body/0/outputs/0/facets/columnLineage',
    );
    await expect(
      store.recordAll([runEvent('ok', [], 'c.ok', {}), long]),
    ).rejects.toThrow('request/body/1/outputs/0/facets/schema/fields');
    await expect(
      store.recordAll([runEvent('ok', [], 'c.ok', {}), cyclic]),
    ).rejects.toThrow(/^request\/body\/1\/outputs: cyclic column lineage/);
    await expect(store.record(long)).rejects.toThrow(InputError);
  });
});
