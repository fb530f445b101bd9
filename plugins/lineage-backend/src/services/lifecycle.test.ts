import type { Knex } from 'knex';
import { lineageDatabases } from '../__testUtils__/databases';
import { facet, NS, runEvent, scoutChain } from '../__testUtils__/events';
import { LineageGraph } from './LineageGraph';
import { LineageStore } from './LineageStore';

// DROP, RENAME and TRUNCATE (OpenLineage lifecycleStateChange): what the
// store keeps of them, and how the graph draws the job that made them.
const databases = lineageDatabases();
afterAll(() => databases.closeAll());

describe.each(databases.ids)(
  'dataset lifecycles in the lineage store on %s',
  id => {
    let db: Knex;
    let store: LineageStore;
    let graph: LineageGraph;

    beforeAll(async () => {
      db = await databases.init(id);
      store = new LineageStore(db);
      graph = new LineageGraph(db, { maxDepth: 20, maxNodes: 2000 });
      for (const event of scoutChain()) await store.record(event);
    });

    it('marks a dropped dataset, and draws no build edge from the job that dropped it', async () => {
      await store.record(
        runEvent('build', ['l.s.src'], 'l.s.tmp', {}, '2026-12-01T10:00:00Z'),
      );
      const drop = runEvent('drop', [], 'l.s.tmp', {}, '2026-12-01T11:00:00Z');
      drop.outputs![0].facets!.lifecycleStateChange = {
        ...facet('LifecycleStateChangeDatasetFacet', {}),
        lifecycleStateChange: 'DROP',
      };
      await store.record(drop);
      const around = async () => {
        const { graph: nodes } = await graph.lineage(
          { type: 'dataset', namespace: NS, name: 'l.s.tmp' },
          1,
        );
        const tmp = nodes.find(n => n.id === `dataset:${NS}:l.s.tmp`)!;
        return {
          state: (tmp.data as { lifecycleState: unknown }).lifecycleState,
          writers: tmp.inEdges.map(e => e.origin),
        };
      };
      expect(await around()).toEqual({
        state: 'DROP',
        writers: ['job:scout:build'],
      });
      // Built again: alive.
      await store.record(
        runEvent('build', ['l.s.src'], 'l.s.tmp', {}, '2026-12-01T12:00:00Z'),
      );
      expect((await around()).state).toBeNull();
    });

    describe('a RENAME (lifecycleStateChange with a previousIdentifier)', () => {
      const renameEvent = (
        name: string,
        previousIdentifier: unknown,
        eventTime: string,
      ) => {
        // One job per new name: each test's links stay its own.
        const event = runEvent(`rename_${name}`, [], name, {}, eventTime);
        event.outputs![0].facets!.lifecycleStateChange = {
          ...facet('LifecycleStateChangeDatasetFacet', {}),
          lifecycleStateChange: 'RENAME',
          ...(previousIdentifier !== undefined && { previousIdentifier }),
        };
        return event;
      };
      const node = async (name: string) => {
        const { graph: nodes } = await graph.lineage(
          { type: 'dataset', namespace: NS, name },
          1,
        );
        const found = nodes.find(n => n.id === `dataset:${NS}:${name}`)!;
        const data = found.data as Record<string, unknown>;
        return {
          state: data.lifecycleState,
          renamedFrom: data.renamedFrom,
          renamedTo: data.renamedTo,
          writers: found.inEdges.map(e => e.origin),
          readers: found.outEdges.map(e => e.destination),
        };
      };

      it('links the old name to the new through the job, marks the old one renamed, and invents no column edges', async () => {
        await store.record(
          runEvent(
            'build_old',
            ['r.s.src'],
            'r.s.old',
            { a: [['r.s.src', 'a']] },
            '2026-12-01T10:00:00Z',
          ),
        );
        const rename = renameEvent(
          'r.s.new',
          { namespace: NS, name: 'r.s.old' },
          '2026-12-01T11:00:00Z',
        );
        expect(await store.record(rename)).toEqual({ recorded: true });
        const at = '2026-12-01T11:00:00.000Z';
        expect(await node('r.s.old')).toEqual({
          state: 'RENAME',
          renamedFrom: null,
          renamedTo: { namespace: NS, name: 'r.s.new', eventTime: at },
          writers: ['job:scout:build_old'],
          readers: ['job:scout:rename_r.s.new'],
        });
        expect(await node('r.s.new')).toEqual({
          state: 'RENAME',
          renamedFrom: { namespace: NS, name: 'r.s.old', eventTime: at },
          renamedTo: null,
          writers: ['job:scout:rename_r.s.new'],
          readers: [],
        });
        // The event has no column lineage: none is made up across the rename.
        const edges = await db('lineage_field_edges')
          .join('lineage_jobs', 'lineage_jobs.id', 'lineage_field_edges.job_id')
          .where('lineage_jobs.name', 'rename_r.s.new')
          .count({ n: '*' });
        expect(Number(edges[0].n)).toBe(0);
        // Upstream of the new name is the old one's history.
        const upstream = await graph.lineage(
          { type: 'dataset', namespace: NS, name: 'r.s.new' },
          4,
        );
        expect(upstream.graph.map(n => n.id)).toContain(
          `dataset:${NS}:r.s.src`,
        );

        // A late older write of the old name changes nothing; a newer one
        // (the table made again) makes it alive.
        await store.record(
          runEvent(
            'build_old',
            ['r.s.src'],
            'r.s.old',
            {},
            '2026-12-01T10:30:00Z',
          ),
        );
        expect((await node('r.s.old')).state).toBe('RENAME');
        await store.record(
          runEvent(
            'build_old',
            ['r.s.src'],
            'r.s.old',
            {},
            '2026-12-01T12:00:00Z',
          ),
        );
        expect(await node('r.s.old')).toMatchObject({
          state: null,
          renamedTo: null,
        });
      });

      it('takes the newest of a batch: a newer write of the old name beats an older rename', async () => {
        await store.recordAll([
          runEvent('build_b', [], 'r.s.b_old', {}, '2026-12-01T12:00:00Z'),
          renameEvent(
            'r.s.b_new',
            { namespace: NS, name: 'r.s.b_old' },
            '2026-12-01T11:00:00Z',
          ),
        ]);
        expect(await node('r.s.b_old')).toMatchObject({
          state: null,
          renamedTo: null,
          readers: ['job:scout:rename_r.s.b_new'],
        });
        expect((await node('r.s.b_new')).renamedFrom).toMatchObject({
          name: 'r.s.b_old',
        });
      });

      it('keeps where the middle of a -> b -> c came from, in one batch or out of order', async () => {
        const chain = (prefix: string) => [
          runEvent(
            `mk_${prefix}`,
            [],
            `${prefix}.a`,
            {},
            '2026-12-01T01:00:00Z',
          ),
          renameEvent(
            `${prefix}.b`,
            { namespace: NS, name: `${prefix}.a` },
            '2026-12-01T02:00:00Z',
          ),
          renameEvent(
            `${prefix}.c`,
            { namespace: NS, name: `${prefix}.b` },
            '2026-12-01T03:00:00Z',
          ),
        ];
        await store.recordAll(chain('r.inbatch'));
        for (const event of chain('r.late').reverse())
          await store.record(event);
        for (const prefix of ['r.inbatch', 'r.late']) {
          expect(await node(`${prefix}.b`)).toMatchObject({
            state: 'RENAME',
            renamedFrom: { name: `${prefix}.a` },
            renamedTo: { name: `${prefix}.c` },
          });
          expect(await node(`${prefix}.c`)).toMatchObject({
            renamedFrom: { name: `${prefix}.b` },
            renamedTo: null,
          });
        }
        // A later write of b (a table made again under that name) is its
        // own table: it came from nowhere.
        await store.record(
          runEvent('mk_again', [], 'r.late.b', {}, '2026-12-01T04:00:00Z'),
        );
        expect(await node('r.late.b')).toMatchObject({
          state: null,
          renamedFrom: null,
          renamedTo: null,
        });
      });

      it('records a RENAME whose previousIdentifier is missing or unusable, without a link', async () => {
        const unusable = [
          undefined,
          'r.s.old',
          null,
          { namespace: NS },
          { namespace: NS, name: '' },
          { namespace: NS, name: 42 },
          { namespace: NS, name: 'r:s' },
          { namespace: NS, name: 'x'.repeat(1025) },
          { namespace: NS, name: 'r.s.unlinked' },
        ];
        for (const [i, previous] of unusable.entries()) {
          const event = renameEvent(
            'r.s.unlinked',
            previous,
            `2026-12-02T10:00:0${i}Z`,
          );
          expect(await store.record(event)).toEqual({ recorded: true });
          expect(await node('r.s.unlinked')).toEqual({
            state: 'RENAME',
            renamedFrom: null,
            renamedTo: null,
            writers: ['job:scout:rename_r.s.unlinked'],
            readers: [],
          });
        }
        const stored = await db('lineage_datasets')
          .where('name', 'like', 'r:s%')
          .orWhere('name', 'like', 'xxxx%');
        expect(stored).toEqual([]);
      });
    });

    it('keeps a truncated dataset as its job output, and says it was truncated', async () => {
      const truncate = runEvent(
        'truncate',
        [],
        't.s.emptied',
        {},
        '2026-12-01T11:00:00Z',
      );
      truncate.outputs![0].facets!.lifecycleStateChange = {
        ...facet('LifecycleStateChangeDatasetFacet', {}),
        lifecycleStateChange: 'TRUNCATE',
      };
      await store.record(truncate);
      const { graph: nodes } = await graph.lineage(
        { type: 'dataset', namespace: NS, name: 't.s.emptied' },
        1,
      );
      const emptied = nodes.find(n => n.id === `dataset:${NS}:t.s.emptied`)!;
      expect(emptied.inEdges.map(e => e.origin)).toEqual([
        'job:scout:truncate',
      ]);
      expect(emptied.data).toMatchObject({
        lifecycleState: 'TRUNCATE',
        lastWrite: {
          job: { name: 'truncate' },
          eventTime: '2026-12-01T11:00:00.000Z',
        },
        written: true,
      });
    });
  },
);
