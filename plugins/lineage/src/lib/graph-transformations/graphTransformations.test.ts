import {
  BRONZE,
  GOLD,
  PLATINUM,
  SILVER,
  SOURCE,
  chain,
  ds,
  fieldId,
  job,
  lineageAround,
  revenueLineage,
} from '../../__testUtils__/fixtures';
import { LAYERS } from '../layers';
import {
  aroundNode,
  expandKey,
  fieldPath,
  filterGraph,
  findUnexplored,
  mergeGraphs,
  parseExpandKey,
  pathNodes,
  tableJobs,
  sliceDirection,
  toLineageGraph,
  type GraphFilters,
} from '.';

const ALL: GraphFilters = {
  layers: new Set(LAYERS),
  kinds: new Set(['dataset', 'job']),
};
const ids = (g: { nodes: ReadonlyMap<string, unknown> }) =>
  [...g.nodes.keys()].sort();

describe('expanding a node', () => {
  // As the explorer does: one job further than it keeps.
  const around = (nodeId: string) =>
    aroundNode(toLineageGraph(lineageAround(nodeId, 2)), nodeId, 1);

  it('merges the side asked for, keeps what was there, and offers only sides with more', () => {
    const start = around(ds(GOLD));
    expect(ids(start)).toEqual(
      [
        ds(SILVER),
        job(`write ${GOLD}`),
        ds(GOLD),
        job(`write ${PLATINUM}`),
        ds(PLATINUM),
      ].sort(),
    );
    const root = new Set([
      expandKey(ds(GOLD), 'upstream'),
      expandKey(ds(GOLD), 'downstream'),
    ]);
    const open = findUnexplored(start, root);
    expect(open.get(ds(GOLD))).toEqual(new Set());
    // Silver's writer is not loaded; its reader, gold's job, and all that
    // job writes are.
    expect(open.get(ds(SILVER))).toEqual(new Set(['upstream']));
    // Platinum is a sink.
    expect(open.get(ds(PLATINUM))).toEqual(new Set());
    // Jobs are expanded through their datasets.
    expect(open.has(job(`write ${GOLD}`))).toBe(false);

    const silver = toLineageGraph(lineageAround(ds(SILVER), 2));
    const up = sliceDirection(silver, ds(SILVER), 'upstream', 1);
    // Upstream of silver, one job: its job and bronze, not gold again.
    expect(ids(up)).toEqual(
      [ds(SILVER), job(`write ${SILVER}`), ds(BRONZE)].sort(),
    );
    const merged = mergeGraphs(start, up);
    expect(start.nodes.has(ds(BRONZE))).toBe(false); // not mutated
    const expanded = new Set([...root, expandKey(ds(SILVER), 'upstream')]);
    expect(findUnexplored(merged, expanded).get(ds(BRONZE))).toEqual(
      new Set(['upstream']),
    );

    const bronze = toLineageGraph(lineageAround(ds(BRONZE), 2));
    const withSource = mergeGraphs(
      merged,
      sliceDirection(bronze, ds(BRONZE), 'upstream', 1),
    );
    // The source has nothing upstream: no side to offer.
    expect(
      findUnexplored(
        withSource,
        new Set([...expanded, expandKey(ds(BRONZE), 'upstream')]),
      ).get(ds(SOURCE)),
    ).toEqual(new Set());
  });

  it('offers nothing on a graph loaded whole, whatever was expanded', () => {
    const open = findUnexplored(toLineageGraph(chain()), new Set());
    expect([...open.values()].every(sides => sides.size === 0)).toBe(true);
  });

  it('offers a side whose job is loaded but not all of its inputs', () => {
    // Gold's job reads silver and the source; only silver is loaded.
    const writeGold = job(`write ${GOLD}`);
    const g = mergeGraphs(around(ds(GOLD)), {
      nodes: new Map(),
      edges: new Map([
        [`${ds(SOURCE)}>${writeGold}`, { from: ds(SOURCE), to: writeGold }],
      ]),
    });
    expect(findUnexplored(g, new Set()).get(ds(GOLD))).toEqual(
      new Set(['upstream']),
    );
  });

  it('keeps a job root and its datasets, one job', () => {
    const writeGold = job(`write ${GOLD}`);
    const g = around(writeGold);
    expect(ids(g)).toEqual([ds(SILVER), writeGold, ds(GOLD)].sort());
    // Their edges onward stay, for the expand buttons.
    expect(findUnexplored(g, new Set()).get(ds(SILVER))).toEqual(
      new Set(['upstream']),
    );
    expect(findUnexplored(g, new Set()).get(ds(GOLD))).toEqual(
      new Set(['downstream']),
    );
  });

  it('reads expand keys back', () => {
    const key = expandKey(job('write a, b'), 'downstream');
    expect(parseExpandKey(key)).toEqual({
      nodeId: job('write a, b'),
      direction: 'downstream',
    });
    expect(parseExpandKey('sideways:x')).toBeUndefined();
    expect(parseExpandKey('upstream:')).toBeUndefined();
  });

  it('keeps downstream only when expanding downstream', () => {
    const silver = toLineageGraph(lineageAround(ds(SILVER), 1));
    const down = sliceDirection(silver, ds(SILVER), 'downstream');
    expect(ids(down)).toEqual(
      [ds(SILVER), job(`write ${GOLD}`), ds(GOLD)].sort(),
    );
  });
});

describe('aroundNode', () => {
  it("leaves out the other inputs of the node's readers", () => {
    // A dashboard job reads gold and the source: the source says nothing
    // about gold's lineage one step out.
    const dashboard = job('dashboard');
    const answer = mergeGraphs(toLineageGraph(lineageAround(ds(GOLD), 1)), {
      nodes: toLineageGraph(lineageAround(ds(SOURCE), 0)).nodes,
      edges: new Map([
        [`${ds(GOLD)}>${dashboard}`, { from: ds(GOLD), to: dashboard }],
        [`${ds(SOURCE)}>${dashboard}`, { from: ds(SOURCE), to: dashboard }],
      ]),
    });
    const around = aroundNode(answer, ds(GOLD));
    expect(around.nodes.has(ds(SOURCE))).toBe(false);
    expect(around.edges.has(`${ds(GOLD)}>${dashboard}`)).toBe(true);
    expect(ids(around)).toEqual(
      ids(toLineageGraph(lineageAround(ds(GOLD), 1))),
    );
  });
});

describe('tableJobs', () => {
  it('counts the jobs reading and writing a dataset, also those not loaded yet', () => {
    const start = aroundNode(
      toLineageGraph(lineageAround(ds(SILVER), 2)),
      ds(SILVER),
      1,
    );
    expect(tableJobs(start, ds(SILVER))).toEqual({ readers: 1, writers: 1 });
    // Platinum's writer is past the graph's edge; gold's edge to it is kept.
    expect(start.nodes.has(job(`write ${PLATINUM}`))).toBe(false);
    expect(tableJobs(start, ds(GOLD))).toEqual({ readers: 1, writers: 1 });
    expect(
      tableJobs(toLineageGraph(lineageAround(ds(PLATINUM), 1)), ds(PLATINUM)),
    ).toEqual({ readers: 0, writers: 1 });
    expect(
      tableJobs(toLineageGraph(lineageAround(ds(SOURCE), 1)), ds(SOURCE)),
    ).toEqual({ readers: 1, writers: 0 });
  });
});

describe('filterGraph', () => {
  const whole = toLineageGraph(chain());

  it('draws dataset → dataset edges through hidden jobs', () => {
    const v = filterGraph(whole, { ...ALL, kinds: new Set(['dataset']) });
    expect(v.nodes.every(n => n.kind === 'dataset')).toBe(true);
    expect(v.edges.map(e => `${e.from}>${e.to}`).sort()).toEqual(
      [
        `${ds(SOURCE)}>${ds(BRONZE)}`,
        `${ds(BRONZE)}>${ds(SILVER)}`,
        `${ds(SILVER)}>${ds(GOLD)}`,
        `${ds(GOLD)}>${ds(PLATINUM)}`,
      ].sort(),
    );
  });

  it('leaves out the datasets of a hidden layer, and their edges', () => {
    const v = filterGraph(whole, {
      ...ALL,
      layers: new Set(['bronze', 'silver', 'gold', 'platinum']),
    });
    expect(v.nodes.map(n => n.id)).not.toContain(ds(SOURCE));
    expect(v.edges.some(e => e.from === ds(SOURCE))).toBe(false);
    expect(v.nodes.map(n => n.id)).toContain(job(`write ${BRONZE}`));
  });

  it('draws no edge to a node that is not loaded', () => {
    const v = filterGraph(toLineageGraph(lineageAround(ds(GOLD), 1)), ALL);
    const shown = new Set(v.nodes.map(n => n.id));
    expect(v.edges.every(e => shown.has(e.from) && shown.has(e.to))).toBe(true);
  });
});

describe('fieldPath', () => {
  it('follows gold revenue back to the source and on to its readers', () => {
    const picked = fieldId(GOLD, 'revenue');
    const path = fieldPath(revenueLineage(), picked);
    expect(path.upstream.map(f => [f.dataset, f.field, f.distance])).toEqual([
      [SILVER, 'total', 1],
      [BRONZE, 'total', 2],
      [SOURCE, 'total', 3],
    ]);
    expect(path.downstream.map(f => [f.dataset, f.field])).toEqual([
      [PLATINUM, 'avg_revenue'],
    ]);
    expect(path.datasetIds).toEqual(
      new Set([GOLD, SILVER, BRONZE, SOURCE, PLATINUM].map(ds)),
    );
    expect(path.fieldIds.has(picked)).toBe(true);
  });

  it('leaves sibling branches off the path', () => {
    const graph = revenueLineage();
    // A second input of platinum, not on revenue's path.
    const other = fieldId(GOLD, 'sale_date');
    const platinum = graph.find(n => n.data.dataset === PLATINUM)!;
    platinum.inEdges.push({ origin: other, destination: platinum.id });
    graph.push({
      id: other,
      type: 'DATASET_FIELD',
      data: {
        namespace: '',
        dataset: GOLD,
        field: 'sale_date',
        inputFields: [],
      },
      inEdges: [],
      outEdges: [{ origin: other, destination: platinum.id }],
    });
    const path = fieldPath(graph, fieldId(GOLD, 'revenue'));
    expect(path.fieldIds.has(other)).toBe(false);
  });

  it("marks the path's jobs in the dataset graph", () => {
    const g = toLineageGraph(chain());
    const path = fieldPath(revenueLineage(), fieldId(SILVER, 'total'));
    const { nodeIds, isOnPath } = pathNodes(g, path.datasetIds);
    expect(nodeIds.has(job(`write ${GOLD}`))).toBe(true);
    expect(isOnPath({ from: ds(SILVER), to: job(`write ${GOLD}`) })).toBe(true);
  });
});
