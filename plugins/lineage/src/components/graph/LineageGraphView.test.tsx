import { renderInTestApp } from '@backstage/frontend-test-utils';
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import {
  BARE_GOLD,
  ds,
  GOLD,
  lineageAround,
  SILVER,
} from '../../__testUtils__/fixtures';
import { generatedLineage } from '../../__testUtils__/generated';
import { ALL_FILTERS } from '../../lib/explorerParams';
import {
  aroundNode,
  filterGraph,
  layoutGraph,
  mergeGraphs,
  sliceDirection,
  toLineageGraph,
  type GraphLayout,
} from '../../lib/graph-transformations';
import { fitZoom, MAX_ZOOM, OUTLINE_ZOOM, ZOOM_STEP } from '../../lib/zoom';
import { LineageGraphView } from './LineageGraphView';

jest.setTimeout(30_000);

// jsdom lays nothing out: give the viewport a laptop's box, and scroll it
// as a browser does, within the zoomed graph.
const BOX = { width: 800, height: 600 };
let box = BOX;
beforeAll(() => {
  jest
    .spyOn(HTMLElement.prototype, 'clientWidth', 'get')
    .mockImplementation(() => box.width);
  jest
    .spyOn(HTMLElement.prototype, 'clientHeight', 'get')
    .mockImplementation(() => box.height);
  HTMLElement.prototype.scrollTo = function scrollTo(
    this: HTMLElement,
    to?: ScrollToOptions | number,
  ) {
    const { left = 0, top = 0 } = typeof to === 'object' ? to : {};
    const graph = (this.firstElementChild as HTMLElement).style;
    const clamp = (v: number, size: string, room: number) =>
      Math.max(0, Math.min(v, parseFloat(size) - room));
    this.scrollLeft = clamp(left, graph.width, box.width);
    this.scrollTop = clamp(top, graph.height, box.height);
  };
});
afterEach(() => {
  box = BOX;
});
afterAll(() => {
  jest.restoreAllMocks();
  delete (HTMLElement.prototype as Partial<HTMLElement>).scrollTo;
});

/** Where a node's card is in the viewport, in screen pixels. */
function onScreen(nodeId: string) {
  const view = screen.getByRole('group', { name: 'Lineage graph' });
  const zoomed = view.firstElementChild as HTMLElement;
  const canvas = zoomed.firstElementChild as HTMLElement;
  const zoom = parseFloat(zoomed.style.width) / parseFloat(canvas.style.width);
  const card = view.querySelector<HTMLElement>(`[data-node-id="${nodeId}"]`)!;
  const px = (v: string) => parseFloat(v) * zoom;
  const left = px(card.style.left) - view.scrollLeft;
  const top = px(card.style.top) - view.scrollTop;
  return {
    left,
    top,
    right: left + px(card.style.width),
    bottom: top + px(card.style.height),
  };
}

const inView = (r: ReturnType<typeof onScreen>) =>
  r.left >= 0 && r.top >= 0 && r.right <= box.width && r.bottom <= box.height;

// As the explorer lays it out: gold one job each way, then silver's
// upstream expanded, which adds a job and bronze on the left.
const opened = aroundNode(
  toLineageGraph(lineageAround(ds(GOLD), 2)),
  ds(GOLD),
  1,
);
const expanded = mergeGraphs(
  opened,
  sliceDirection(
    toLineageGraph(lineageAround(ds(SILVER), 2)),
    ds(SILVER),
    'upstream',
    1,
  ),
);
const layoutOf = (g: typeof opened) => layoutGraph(filterGraph(g, ALL_FILTERS));

/**
 * The view on gold's graph, whose expand of silver lays it out again with
 * the same nodes (as the explorer does while the answer is on its way);
 * `answer` brings the grown graph.
 */
async function renderExpandable() {
  const before = layoutOf(opened);
  let show: (layout: GraphLayout) => void = () => {};
  function Expandable() {
    const [layout, setLayout] = useState(before);
    show = setLayout;
    return (
      <LineageGraphView
        layout={layout}
        selectedId={ds(GOLD)}
        unexplored={new Map([[ds(SILVER), new Set(['upstream' as const])]])}
        expanding={new Set()}
        onSelect={() => {}}
        onExpand={() => setLayout(layoutOf(opened))}
      />
    );
  }
  await renderInTestApp(<Expandable />);
  return {
    answer: () => act(() => show(layoutOf(expanded))),
  };
}

describe('the graph view', () => {
  const layout = layoutGraph(
    filterGraph(toLineageGraph(generatedLineage(280)), ALL_FILTERS),
  );
  const percent = (zoom: number) => `${Math.round(zoom * 100)}%`;
  const renderLarge = () =>
    renderInTestApp(
      <LineageGraphView
        layout={layout}
        unexplored={new Map()}
        expanding={new Set()}
        onSelect={() => {}}
        onExpand={() => {}}
      />,
    );

  it('draws every node of a 500-node graph, fitted to its box', async () => {
    expect(layout.nodes.length).toBeGreaterThanOrEqual(500);
    await renderLarge();

    const view = screen.getByRole('group', { name: 'Lineage graph' });
    expect(within(view).getAllByTestId('lineage-node')).toHaveLength(
      layout.nodes.length,
    );
    const fitted = percent(fitZoom(layout, BOX));
    const toolbar = screen.getByRole('toolbar', { name: 'Zoom' });
    expect(toolbar).toHaveTextContent(
      `${layout.nodes.length} nodes · ${fitted}`,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(toolbar).not.toHaveTextContent(`· ${fitted}`);
    await userEvent.click(screen.getByRole('button', { name: 'Fit' }));
    expect(toolbar).toHaveTextContent(`· ${fitted}`);
  });

  it('draws cards as outlines below OUTLINE_ZOOM, with their names above it', async () => {
    await renderLarge();
    const toolbar = screen.getByRole('toolbar', { name: 'Zoom' });
    const canvas = () =>
      screen.getAllByTestId('lineage-node')[0].parentElement!;
    // 500 nodes fit an 800 px box far below it.
    expect(fitZoom(layout, BOX)).toBeLessThan(OUTLINE_ZOOM);
    expect(canvas()).toHaveClass('outline');
    expect(toolbar).toHaveTextContent(`names from ${percent(OUTLINE_ZOOM)}`);
    // Each card keeps its name for hover and its layer for the colour.
    const gold = screen
      .getAllByTestId('lineage-node')
      .find(card => card.dataset.layer !== undefined)!;
    expect(
      within(gold).getByRole('button', { pressed: false }),
    ).toHaveAttribute('title', expect.stringContaining(':'));

    while (/names from/.test(toolbar.textContent ?? '')) {
      await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    }
    expect(canvas()).not.toHaveClass('outline');
    // Past the largest zoom the button says it can go no further.
    const zoomIn = screen.getByRole('button', { name: 'Zoom in' });
    while (!zoomIn.hasAttribute('disabled')) await userEvent.click(zoomIn);
    expect(toolbar).toHaveTextContent(`· ${percent(MAX_ZOOM)}`);
    expect(screen.getByRole('button', { name: 'Zoom out' })).toBeEnabled();
  });

  it('fits the graph again after an expand while it stays readable', async () => {
    // Gold's graph fits at 100%; with bronze it no longer does.
    box = { width: 1600, height: 600 };
    const { answer } = await renderExpandable();
    const toolbar = screen.getByRole('toolbar', { name: 'Zoom' });
    expect(toolbar).toHaveTextContent('100%');

    await userEvent.click(
      screen.getByRole('button', { name: `Expand upstream of ${SILVER}` }),
    );
    await answer();

    const after = layoutOf(expanded);
    expect(toolbar).toHaveTextContent(percent(fitZoom(after, box)));
    for (const { node } of after.nodes) {
      expect(inView(onScreen(node.id))).toBe(true);
    }
  });

  it("keeps the expanded node where it was when the reader has moved the view, at the reader's zoom", async () => {
    const { answer } = await renderExpandable();
    const toolbar = screen.getByRole('toolbar', { name: 'Zoom' });
    const view = screen.getByRole('group', { name: 'Lineage graph' });
    for (let i = 0; i < 4; i++) {
      await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    }
    // Scrolled to the left end, to read silver.
    view.scrollLeft = 0;
    fireEvent.scroll(view);
    const zoomOf = () => toolbar.textContent?.match(/\d+%/)?.[0];
    const zoom = zoomOf();
    const was = onScreen(ds(SILVER));
    expect(inView(was)).toBe(true);

    await userEvent.click(
      screen.getByRole('button', { name: `Expand upstream of ${SILVER}` }),
    );
    await answer();

    expect(zoomOf()).toBe(zoom);
    const now = onScreen(ds(SILVER));
    expect(now.left).toBeCloseTo(was.left);
    expect(now.top).toBeCloseTo(was.top);
  });

  /** The view on a layout the test replaces, as filters or a worker do. */
  async function renderReplaceable(first: GraphLayout) {
    let replace: (layout: GraphLayout) => void = () => {};
    function Replaceable() {
      const [shown, setShown] = useState(first);
      replace = setShown;
      return (
        <LineageGraphView
          layout={shown}
          selectedId={ds(GOLD)}
          unexplored={new Map()}
          expanding={new Set()}
          onSelect={() => {}}
          onExpand={() => {}}
        />
      );
    }
    await renderInTestApp(<Replaceable />);
    return (next: GraphLayout) => act(() => replace(next));
  }

  it('fits a new layout no expand asked for, while the reader has not moved the view', async () => {
    // A link's partial graph first, then the whole one (a worker's answer).
    const few = layoutOf(opened);
    const replace = await renderReplaceable(few);
    const toolbar = screen.getByRole('toolbar', { name: 'Zoom' });
    expect(toolbar).toHaveTextContent(`· ${percent(fitZoom(few, BOX))}`);
    replace(layout);
    expect(toolbar).toHaveTextContent(`· ${percent(fitZoom(layout, BOX))}`);
    // A filter leaving a few nodes: fitted again.
    replace(layoutOf(opened));
    expect(toolbar).toHaveTextContent(`· ${percent(fitZoom(few, BOX))}`);
  });

  it('keeps the zoom of a view the reader moved when a new layout comes', async () => {
    const few = layoutOf(opened);
    const replace = await renderReplaceable(few);
    const toolbar = screen.getByRole('toolbar', { name: 'Zoom' });
    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    const zoomed = `· ${percent(fitZoom(few, BOX) * ZOOM_STEP)}`;
    expect(toolbar).toHaveTextContent(zoomed);
    replace(layout);
    expect(toolbar).toHaveTextContent(zoomed);
  });

  it('names the namespace on cards whose name the graph holds in several', async () => {
    const shop = (n: number) => `postgres://shop-${n}.example:5432`;
    const orders = (n: number) => ({
      ...BARE_GOLD,
      id: `dataset:${shop(n)}:public.orders`,
      namespace: shop(n),
      name: 'public.orders',
    });
    const gold = { ...BARE_GOLD, namespace: shop(3) };
    const shared = layoutGraph({
      nodes: [orders(1), orders(2), gold],
      edges: [],
    });
    await renderInTestApp(
      <LineageGraphView
        layout={shared}
        unexplored={new Map()}
        expanding={new Set()}
        onSelect={() => {}}
        onExpand={() => {}}
      />,
    );
    const card = (id: string) =>
      screen.getAllByTestId('lineage-node').find(c => c.dataset.nodeId === id)!;
    for (const n of [1, 2]) {
      expect(card(orders(n).id)).toHaveTextContent(shop(n));
    }
    // A name held once keeps its full name on the second line.
    expect(card(gold.id)).toHaveTextContent(gold.name);
    expect(card(gold.id)).not.toHaveTextContent(shop(3));
  });
});
