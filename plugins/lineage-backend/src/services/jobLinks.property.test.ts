import fc from 'fast-check';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { lineageDatabases } from '../__testUtils__/databases';
import { facet, NS } from '../__testUtils__/events';
import { LineageStore } from './LineageStore';
import type { RunEvent } from './runEvent';

const databases = lineageDatabases();
afterAll(() => databases.closeAll());

type Edge = { to: string; from: string; field: string; type: string };

/** One version of a job's lineage: each edge out.t.<to> ← <from>.<field>. */
const version = fc.uniqueArray(
  fc.record({
    to: fc.constantFrom('p', 'q', 'r'),
    from: fc.constantFrom('in.a', 'in.b', 'in.c'),
    field: fc.constantFrom('x', 'y'),
    type: fc.constantFrom('DIRECT', 'INDIRECT'),
  }),
  { selector: e => `${e.to}<${e.from}.${e.field}`, maxLength: 8 },
);

function event(edges: Edge[], hour: number): RunEvent {
  const byColumn = new Map<string, Edge[]>();
  for (const e of edges) byColumn.set(e.to, [...(byColumn.get(e.to) ?? []), e]);
  return {
    eventType: 'COMPLETE',
    eventTime: new Date(Date.UTC(2026, 11, 1, hour)).toISOString(),
    producer: 'test',
    run: { runId: randomUUID() },
    job: { namespace: 'scout', name: 'job' },
    inputs: [...new Set(edges.map(e => e.from))].map(name => ({
      namespace: NS,
      name,
    })),
    outputs: [
      {
        namespace: NS,
        name: 'out.t',
        facets: {
          columnLineage: facet('ColumnLineageDatasetFacet', {
            fields: Object.fromEntries(
              [...byColumn].map(([to, list]) => [
                to,
                {
                  inputFields: list.map(e => ({
                    namespace: NS,
                    name: e.from,
                    field: e.field,
                    transformations: [{ type: e.type }],
                  })),
                },
              ]),
            ),
          }),
        },
      },
    ],
  };
}

/** The job's stored edges and inputs, by name. */
async function stored(db: Knex) {
  const edges = await db('lineage_field_edges as e')
    .join('lineage_fields as f', 'f.id', 'e.from_field_id')
    .join('lineage_datasets as d', 'd.id', 'f.dataset_id')
    .join('lineage_fields as t', 't.id', 'e.to_field_id')
    .select(
      't.name as to',
      'd.name as from',
      'f.name as field',
      'e.transformation_type as type',
    );
  const inputs = await db('lineage_job_io as io')
    .join('lineage_datasets as d', 'd.id', 'io.dataset_id')
    .where('io.direction', 'in')
    .pluck('d.name');
  const key = (e: Edge) => `${e.to}<${e.from}.${e.field}:${e.type}`;
  return { edges: edges.map(key).sort(), inputs: [...inputs].sort() };
}

describe.each(databases.ids)("a job's stored lineage on %s", id => {
  it('is always exactly its newest version, and a repeat writes no link', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(version, { minLength: 1, maxLength: 5 }),
        async versions => {
          const db = await databases.init(id);
          try {
            const store = new LineageStore(db);
            let hour = 0;
            for (const edges of versions) {
              await store.record(event(edges, hour++));
              const expected = {
                edges: edges
                  .map(e => `${e.to}<${e.from}.${e.field}:${e.type}`)
                  .sort(),
                inputs: [...new Set(edges.map(e => e.from))].sort(),
              };
              expect(await stored(db)).toEqual(expected);
            }
            // The same lineage from a later run: no link is rewritten.
            const writes: string[] = [];
            const watch = (q: { sql: string }) => {
              if (
                /lineage_(field_edges|job_io)/.test(q.sql) &&
                !/^select/i.test(q.sql)
              ) {
                writes.push(q.sql);
              }
            };
            db.on('query', watch);
            await store.record(event(versions[versions.length - 1], hour));
            db.off('query', watch);
            expect(writes).toEqual([]);
          } finally {
            await db.destroy();
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});
