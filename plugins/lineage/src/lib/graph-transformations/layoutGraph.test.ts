import { generatedLineage } from '../../__testUtils__/generated';
import { LAYERS } from '../layers';
import { filterGraph, layoutGraph, toLineageGraph } from '.';

describe('layoutGraph', () => {
  it('places every node of a 500-node graph, left to right', () => {
    const graph = toLineageGraph(generatedLineage(280));
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
