import {
  chain,
  ds,
  fieldId,
  GOLD,
  job,
  NS,
  PLATINUM,
} from '../__testUtils__/fixtures';
import {
  ALL_FILTERS,
  readExplorerParams,
  unresolvedParams,
  writeExplorerParams,
} from './explorerParams';
import { toLineageGraph } from './graph-transformations';

const NODE = 'dataset:trino://h:8080:iceberg.gold.g';
const JOB = 'job:trino://h:8080:write a, b';

describe('explorer params', () => {
  it('leaves defaults out of the address, and keeps other params', () => {
    const params = new URLSearchParams({ node: NODE });
    const state = readExplorerParams(params);
    expect(state).toEqual({
      expanded: new Set(),
      selected: undefined,
      column: undefined,
      filters: ALL_FILTERS,
    });
    expect(writeExplorerParams(params, state).toString()).toBe(
      params.toString(),
    );
  });

  it('round-trips what the reader did', () => {
    const state = {
      expanded: new Set([`upstream:${NODE}`, `downstream:${JOB}`]),
      selected: JOB,
      column: `datasetField:trino://h:8080:iceberg.gold.g:revenue`,
      filters: {
        layers: new Set(['gold', 'silver'] as const),
        kinds: new Set(['dataset'] as const),
      },
    };
    const written = writeExplorerParams(
      new URLSearchParams({ node: NODE }),
      state,
    );
    expect(written.get('node')).toBe(NODE);
    expect(written.get('layers')).toBe('silver,gold');
    expect(readExplorerParams(new URLSearchParams(written.toString()))).toEqual(
      state,
    );
  });

  it('compresses hundreds of expanded sides, so the address stays far under 16 kB', () => {
    // 300 sides of a deep graph: as `expand` params, about 23 kB.
    const expanded = new Set(
      Array.from(
        { length: 300 },
        (_, i) =>
          `${
            i % 2 ? 'upstream' : 'downstream'
          }:dataset:duckdb://lakehouse:lakehouse.silver.t_${i}`,
      ),
    );
    const state = { ...readExplorerParams(new URLSearchParams()), expanded };
    const written = writeExplorerParams(
      new URLSearchParams({ node: NODE }),
      state,
    );
    expect(written.getAll('expand')).toEqual([]);
    expect(written.toString().length).toBeLessThan(8000);
    expect(readExplorerParams(new URLSearchParams(written.toString()))).toEqual(
      state,
    );
    // A few stay readable.
    const few = writeExplorerParams(new URLSearchParams(), {
      ...state,
      expanded: new Set([`upstream:${NODE}`]),
    });
    expect(few.getAll('expand')).toEqual([`upstream:${NODE}`]);
    expect(few.has('expanded')).toBe(false);
  });

  it('keeps "no layer" apart from "every layer"', () => {
    const none = writeExplorerParams(new URLSearchParams(), {
      ...readExplorerParams(new URLSearchParams()),
      filters: { ...ALL_FILTERS, layers: new Set() },
    });
    expect(readExplorerParams(none).filters.layers).toEqual(new Set());
  });

  it('ignores what it does not know', () => {
    const state = readExplorerParams(
      new URLSearchParams(
        `expand=sideways:x&expand=upstream:${encodeURIComponent(
          NODE,
        )}&layers=gold,mythril&kinds=&column=garbage`,
      ),
    );
    expect(state.expanded).toEqual(new Set([`upstream:${NODE}`]));
    // Never asked of the backend; the page says why (unresolvedParams).
    expect(state.column).toBeUndefined();
    expect(state.filters.layers).toEqual(new Set(['gold']));
    expect(state.filters.kinds).toEqual(ALL_FILTERS.kinds);
  });

  it('finds a column or selection the loaded graph does not hold, and says why', () => {
    const graph = toLineageGraph(chain());
    const check = (params: Record<string, string>) =>
      unresolvedParams(new URLSearchParams(params), graph);
    expect(
      check({
        node: ds(GOLD),
        column: fieldId(GOLD, 'revenue'),
        selected: job(`write ${GOLD}`),
      }),
    ).toEqual([]);
    expect(check({ column: 'garbage', selected: ds('nope') })).toEqual([
      {
        param: 'column',
        value: 'garbage',
        reason:
          'not a column id, which is datasetField:<namespace>:<dataset>:<field>',
      },
      {
        param: 'selected',
        value: ds('nope'),
        reason: 'no such node in this graph',
      },
    ]);
    // A dataset id is not a column's, nor is a field's id without its field.
    expect(check({ column: ds(GOLD) })).toHaveLength(1);
    expect(check({ column: `datasetField:${NS}:${GOLD}` })[0].reason).toBe(
      `it lacks a field: ${ds(GOLD)} is a dataset`,
    );
    expect(check({ column: fieldId(PLATINUM, 'revenue') })[0].reason).toBe(
      `${PLATINUM} has no field revenue`,
    );
    expect(check({ column: fieldId('iceberg.gold.t', 'x') })[0].reason).toBe(
      `${ds('iceberg.gold.t')} is not in this graph`,
    );
  });
});
