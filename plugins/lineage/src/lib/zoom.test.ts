import { fitZoom, MIN_ZOOM } from './zoom';

describe('fitZoom', () => {
  it('fits the wider or the taller side, never above 100%', () => {
    const box = { width: 800, height: 600 };
    expect(fitZoom({ width: 1600, height: 300 }, box)).toBe(0.5);
    expect(fitZoom({ width: 400, height: 2400 }, box)).toBe(0.25);
    expect(fitZoom({ width: 200, height: 100 }, box)).toBe(1);
  });

  it('fits a 500-node graph in a laptop pane, not clamped short of it', () => {
    // The size layoutGraph gives the 510-node generated lineage.
    const graph = { width: 9412, height: 12067 };
    const pane = { width: 1200, height: 640 };
    const zoom = fitZoom(graph, pane);
    expect(zoom).toBeGreaterThan(MIN_ZOOM);
    expect(graph.height * zoom).toBeLessThanOrEqual(pane.height);
  });

  it('stops at the smallest zoom', () => {
    expect(
      fitZoom({ width: 100_000, height: 100 }, { width: 800, height: 600 }),
    ).toBe(MIN_ZOOM);
  });

  it('leaves 100% while the box is not laid out', () => {
    expect(fitZoom({ width: 1600, height: 300 }, { width: 0, height: 0 })).toBe(
      1,
    );
  });
});
