import type { Node } from '@internal/backstage-plugin-lineage-common';
import { LAYERS } from '../layers';
import { filterGraph, layoutGraph, toLineageGraph } from '.';

/**
 * `n` datasets in layers of 50, each of the next layer written by a job
 * reading two datasets of the layer before: about n datasets + n jobs.
 */
function generated(datasets: number): Node[] {
  const nodes: Node[] = [];
  const dsId = (i: number) =>
    `dataset:trino://h:8080:iceberg.l${Math.floor(i / 50)}.t${i}`;
  for (let i = 0; i < datasets; i++) {
    const inputs = i < 50 ? [] : [i - 50, i - 50 + ((i * 7) % 50)];
    const jobId = `job:trino://h:8080:write t${i}`;
    const inEdges = inputs.map(j => ({ origin: dsId(j), destination: jobId }));
    nodes.push({
      id: dsId(i),
      type: 'DATASET',
      data: { name: `iceberg.l${Math.floor(i / 50)}.t${i}`, fields: [] },
      inEdges: inputs.length ? [{ origin: jobId, destination: dsId(i) }] : [],
      outEdges: [],
    });
    if (inputs.length) {
      nodes.push({
        id: jobId,
        type: 'JOB',
        data: { name: `write t${i}` },
        inEdges,
        outEdges: [{ origin: jobId, destination: dsId(i) }],
      });
    }
  }
  return nodes;
}

describe('layoutGraph', () => {
  it('places every node of a 500-node graph, left to right', () => {
    const graph = toLineageGraph(generated(280));
    expect(graph.nodes.size).toBeGreaterThanOrEqual(500);
    const visible = filterGraph(graph, {
      layers: new Set(LAYERS),
      kinds: new Set(['dataset', 'job']),
    });

    const started = Date.now();
    const layout = layoutGraph(visible);
    const seconds = (Date.now() - started) / 1000;

    expect(seconds).toBeLessThan(20);
    expect(layout.nodes).toHaveLength(graph.nodes.size);
    for (const p of layout.nodes) {
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      expect(p.x + p.width).toBeLessThanOrEqual(layout.width + 1);
    }
    expect(layout.edges.every(e => e.points.length >= 2)).toBe(true);
    // Upstream on the left: a job is right of its inputs.
    const x = new Map(layout.nodes.map(p => [p.node.id, p.x]));
    for (const e of visible.edges) {
      expect(x.get(e.from)!).toBeLessThan(x.get(e.to)!);
    }
  });
});
