import { fitZoom, MIN_ZOOM, READABLE_ZOOM, viewAfterExpand } from './zoom';

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

describe('viewAfterExpand', () => {
  const box = { width: 800, height: 600 };
  const node = { x: 600, y: 100, width: 260, height: 104 };

  it('fits a view the reader left alone while the whole graph stays readable', () => {
    const graph = { width: 1000, height: 300 };
    expect(
      viewAfterExpand({ graph, box, zoom: 1, moved: false, node }),
    ).toEqual({ zoom: 0.8, anchor: { x: 500, y: 150 } });
  });

  it('centres a view the reader left alone on the node past that, at the same zoom', () => {
    const graph = { width: 4000, height: 300 };
    expect(fitZoom(graph, box)).toBeLessThan(READABLE_ZOOM);
    expect(
      viewAfterExpand({ graph, box, zoom: 0.5, moved: false, node }),
    ).toEqual({ zoom: 0.5, anchor: { x: 730, y: 152 } });
  });

  it('keeps the node where it was on a view the reader moved', () => {
    const graph = { width: 1000, height: 300 };
    // Its corner was 300px left of and 50px above the viewport's middle.
    const view = viewAfterExpand({
      graph,
      box,
      zoom: 2,
      moved: true,
      node,
      offset: { x: -300, y: -50 },
    });
    expect(view).toEqual({ zoom: 2, anchor: { x: 750, y: 125 } });
    // Scrolled so that the anchor is in the middle, the corner is back.
    expect(node.x * view.zoom - (view.anchor.x * view.zoom - 400)).toBe(100);
  });
});
