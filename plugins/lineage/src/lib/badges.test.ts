import { BARE_GOLD, chain, ds, GOLD, SILVER } from '../__testUtils__/fixtures';
import { formatAge, formatShortCount, nodeBadges } from './badges';
import {
  toLineageGraph,
  type DatasetNode,
  type Freshness,
} from './graph-transformations';

const NOW = Date.parse('2026-12-01T10:12:00.000Z');
const base = BARE_GOLD;
const run = (over: Partial<NonNullable<DatasetNode['lastRun']>>) => ({
  runId: 'run-1',
  status: 'published' as const,
  engine: 'trino',
  finishedAt: '2026-12-01T10:00:00.000Z',
  rows: 12345,
  ...over,
});
const fresh = (over: Partial<Freshness>): Freshness => ({
  status: 'pass',
  maxLoadedAt: '2026-12-01T08:00:00.000Z',
  snapshottedAt: '2026-12-01T10:00:00.000Z',
  ageSeconds: 7200,
  warnAfterSeconds: 3600 * 6,
  errorAfterSeconds: 3600 * 24,
  ...over,
});
const labels = (node: DatasetNode) =>
  nodeBadges(node, NOW).map(b => [b.id, b.label, b.status]);

describe('formatting', () => {
  it('shortens row counts', () => {
    expect(
      [0, 950, 1000, 12345, 999_950, 4_500_000, 1_230_000_000].map(
        formatShortCount,
      ),
    ).toEqual(['0', '950', '1k', '12.3k', '1M', '4.5M', '1.2B']);
  });

  it('says ages coarsely', () => {
    expect([30, 720, 7200, 3 * 86400].map(formatAge)).toEqual([
      '<1 min',
      '12 min',
      '2 h',
      '3 d',
    ]);
  });
});

describe('nodeBadges', () => {
  it('says when a published run built the dataset, and its rows', () => {
    expect(labels({ ...base, lastRun: run({}) })).toEqual([
      ['built', 'built 12 min ago', 'neutral'],
      ['rows', '12.3k rows', 'neutral'],
    ]);
  });

  it('marks a failed last run red, and leaves out rows not counted', () => {
    expect(
      labels({ ...base, lastRun: run({ status: 'failed', rows: null }) }),
    ).toEqual([['run-failed', 'last run failed', 'error']]);
  });

  it('prefers source freshness to the build time', () => {
    expect(
      labels({ ...base, lastRun: run({}), freshness: fresh({}) })[0],
    ).toEqual(['freshness', 'fresh 2 h', 'ok']);
    expect(labels({ ...base, freshness: fresh({ status: 'warn' }) })).toEqual([
      ['freshness', 'stale 2 h', 'warning'],
    ]);
    expect(labels({ ...base, freshness: fresh({ status: 'error' }) })).toEqual([
      ['freshness', 'stale 2 h', 'error'],
    ]);
    expect(
      labels({ ...base, freshness: fresh({ status: 'runtime error' }) }),
    ).toEqual([['freshness', 'freshness check failed', 'error']]);
  });

  it("says why a freshness check could not run, as dbt's sources.json has it", () => {
    // A runtime error has no check time, only dbt's error.
    const freshness = fresh({
      status: 'runtime error',
      maxLoadedAt: null,
      snapshottedAt: null,
      ageSeconds: null,
      message: 'column "loaded_at" does not exist',
    });
    const [badge] = nodeBadges({ ...base, freshness }, NOW);
    expect(badge).toMatchObject({
      label: 'freshness check failed',
      status: 'error',
    });
    expect(badge.description).toBe(
      [
        'dbt source freshness: runtime error',
        'no rows loaded',
        'warn after 6 h',
        'error after 1 d',
        'column "loaded_at" does not exist',
      ].join('\n'),
    );
  });

  it("says when another producer's job last wrote it, and the rows it reported", () => {
    const lastWrite = {
      job: { namespace: 'spark', name: 'nightly' },
      runId: 'r1',
      state: 'COMPLETE',
      rows: 4_500_000,
      eventTime: '2026-12-01T08:12:00.000Z',
    };
    expect(labels({ ...base, lastWrite })).toEqual([
      ['built', 'built 2 h ago', 'neutral'],
      ['rows', '4.5M rows', 'neutral'],
    ]);
    // A Scout pipeline run, when there is one, says it instead.
    expect(labels({ ...base, lastWrite, lastRun: run({}) })).toEqual([
      ['built', 'built 12 min ago', 'neutral'],
      ['rows', '12.3k rows', 'neutral'],
    ]);
  });

  it('shows a dropped dataset as dropped, and nothing else', () => {
    expect(
      labels({
        ...base,
        lifecycleState: 'DROP',
        lastRun: run({}),
        freshness: fresh({}),
      }),
    ).toEqual([['dropped', 'dropped', 'error']]);
  });

  it("shows a rename's old name as renamed, and nothing else; its new name as any other", () => {
    const renamedTo = {
      id: ds(`${GOLD}_v2`),
      namespace: 'n',
      name: `${GOLD}_v2`,
      eventTime: '2026-12-01T09:00:00.000Z',
    };
    const old = nodeBadges(
      {
        ...base,
        lifecycleState: 'RENAME',
        renamedTo,
        lastRun: run({}),
        upstreamFailed: true,
      },
      NOW,
    );
    expect(old.map(b => [b.id, b.label, b.status])).toEqual([
      ['renamed', 'renamed', 'warning'],
    ]);
    expect(old[0].description).toBe(
      `Renamed to ${GOLD}_v2 at 2026-12-01 09:00 UTC (OpenLineage lifecycleStateChange RENAME).`,
    );
    expect(
      labels({
        ...base,
        lifecycleState: 'RENAME',
        renamedFrom: { ...renamedTo, name: GOLD },
        lastRun: run({}),
      }),
    ).toEqual([
      ['built', 'built 12 min ago', 'neutral'],
      ['rows', '12.3k rows', 'neutral'],
    ]);
  });

  it('says who truncated a dataset, and does not call the truncation a build', () => {
    const lastWrite = {
      job: { namespace: 'spark', name: 'purge' },
      runId: 'r9',
      state: 'COMPLETE',
      rows: 0,
      eventTime: '2026-12-01T10:00:00.000Z',
    };
    const truncated = nodeBadges(
      { ...base, lifecycleState: 'TRUNCATE', lastWrite },
      NOW,
    );
    expect(truncated.map(b => [b.id, b.label, b.status])).toEqual([
      ['truncated', 'truncated', 'warning'],
      ['rows', '0 rows', 'neutral'],
    ]);
    expect(truncated[0].description).toBe(
      'Truncated by purge (run r9) at 2026-12-01 10:00 UTC: its rows were deleted.',
    );
    // A Scout run's facts still show, after it.
    expect(
      labels({ ...base, lifecycleState: 'TRUNCATE', lastRun: run({}) }),
    ).toEqual([
      ['truncated', 'truncated', 'warning'],
      ['built', 'built 12 min ago', 'neutral'],
      ['rows', '12.3k rows', 'neutral'],
    ]);
  });

  it('reads the age from the newest row when the check gives none', () => {
    const f = fresh({ ageSeconds: null, maxLoadedAt: '2026-12-01T09:00:00Z' });
    expect(labels({ ...base, freshness: f })[0][1]).toBe('fresh 1 h');
    expect(
      labels({
        ...base,
        freshness: fresh({ ageSeconds: null, maxLoadedAt: null }),
      })[0][1],
    ).toBe('fresh');
  });

  it('shows a failed run next to freshness', () => {
    expect(
      labels({
        ...base,
        freshness: fresh({}),
        lastRun: run({ status: 'failed' }),
      }).map(([id]) => id),
    ).toEqual(['freshness', 'run-failed', 'rows']);
  });

  it('gives an old server’s dataset its test badges only', () => {
    const silver = toLineageGraph(chain()).nodes.get(ds(SILVER))!;
    expect(nodeBadges(silver, NOW).map(b => b.id)).toEqual(['tests']);
    expect(nodeBadges({ ...base }, NOW)).toEqual([]);
  });

  it('gives jobs none', () => {
    const writer = [...toLineageGraph(chain()).nodes.values()].find(
      n => n.kind === 'job',
    )!;
    expect(nodeBadges(writer, NOW)).toEqual([]);
  });
});
