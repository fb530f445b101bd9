import {
  chain,
  ds,
  GOLD,
  job,
  lineageAround,
  SILVER,
  SOURCE,
} from '../../__testUtils__/fixtures';
import { toLineageGraph, toLineageNode } from '.';

describe('toLineageGraph', () => {
  it('reads datasets and jobs, with their layer, fields, SQL and run', () => {
    const g = toLineageGraph(lineageAround(ds(GOLD), 1));
    expect(g.nodes.get(ds(GOLD))).toMatchObject({
      kind: 'dataset',
      name: GOLD,
      layer: 'gold',
      fields: [{ name: 'revenue' }, { name: 'sale_date' }],
    });
    expect(g.nodes.get(job(`write ${GOLD}`))).toMatchObject({
      kind: 'job',
      sql: expect.stringContaining('INSERT INTO'),
      latestRun: { runId: `run-${GOLD}`, state: 'COMPLETE' },
    });
    expect(g.edges.has(`${ds(SILVER)}>${job(`write ${GOLD}`)}`)).toBe(true);
    expect(g.nodes.has(job(`write ${SILVER}`))).toBe(false);
  });
});

describe('toLineageNode', () => {
  const dataset = (data: Record<string, unknown>) =>
    toLineageNode({
      id: ds(GOLD),
      type: 'DATASET',
      data: { name: GOLD, ...data },
      inEdges: [],
      outEdges: [],
    });

  it('reads the last run, freshness and assertion sources', () => {
    const g = toLineageGraph(chain());
    expect(g.nodes.get(ds(GOLD))).toMatchObject({
      lastRun: { runId: 'run-42', status: 'published', rows: 12345 },
      freshness: undefined,
    });
    const source = g.nodes.get(ds(SOURCE));
    expect(source).toMatchObject({
      lastRun: undefined,
      freshness: { status: 'warn', ageSeconds: 14400 },
    });
    expect(
      source?.kind === 'dataset' &&
        source.quality?.assertions.map(a => a.source),
    ).toEqual(['great_expectations', 'great_expectations']);
  });

  it('leaves out what an old or odd server sends, and makes nothing up', () => {
    expect(dataset({})).toMatchObject({
      lastRun: undefined,
      freshness: undefined,
      quality: undefined,
    });
    const odd = dataset({
      lastRun: { runId: 'r', status: 'running', finishedAt: 'x' },
      freshness: { status: 'pass' },
      quality: {
        assertions: [
          { assertion: 'a', success: true, source: 'soda' },
          { success: false },
          null,
        ],
      },
    });
    expect(odd).toMatchObject({ lastRun: undefined, freshness: undefined });
    // A check that could not run has no time, and says why.
    expect(
      dataset({
        freshness: {
          status: 'runtime error',
          snapshottedAt: null,
          message: 'no column',
        },
      }),
    ).toMatchObject({
      freshness: {
        status: 'runtime error',
        snapshottedAt: null,
        message: 'no column',
      },
    });
    // Another producer's assertion keeps its source.
    expect(odd.kind === 'dataset' && odd.quality?.assertions).toEqual([
      { assertion: 'a', success: true, source: 'soda' },
    ]);
    expect(
      dataset({
        lastRun: {
          runId: 'r',
          status: 'failed',
          engine: 'duckdb',
          finishedAt: 'x',
          rows: 'many',
        },
      }),
    ).toMatchObject({ lastRun: { status: 'failed', rows: null } });
  });

  it("reads a rename's other name as a node to link to, and nothing malformed", () => {
    const at = '2026-12-01T11:00:00.000Z';
    expect(
      dataset({
        lifecycleState: 'RENAME',
        renamedTo: { namespace: 'n', name: 'a.b.new', eventTime: at },
        renamedFrom: null,
      }),
    ).toMatchObject({
      lifecycleState: 'RENAME',
      renamedTo: {
        id: 'dataset:n:a.b.new',
        namespace: 'n',
        name: 'a.b.new',
        eventTime: at,
      },
      renamedFrom: undefined,
    });
    expect(
      dataset({ renamedFrom: { namespace: 'n' }, renamedTo: 'a.b.new' }),
    ).toMatchObject({ renamedFrom: undefined, renamedTo: undefined });
  });
});
