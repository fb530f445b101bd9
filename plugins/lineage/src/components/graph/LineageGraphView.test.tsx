import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { generatedLineage } from '../../__testUtils__/generated';
import { ALL_FILTERS } from '../../lib/explorerParams';
import {
  filterGraph,
  layoutGraph,
  toLineageGraph,
} from '../../lib/graph-transformations';
import { fitZoom } from '../../lib/zoom';
import { LineageGraphView } from './LineageGraphView';

jest.setTimeout(30_000);

// jsdom lays nothing out: give the viewport a laptop's box.
const BOX = { width: 800, height: 600 };
beforeAll(() => {
  jest
    .spyOn(HTMLElement.prototype, 'clientWidth', 'get')
    .mockReturnValue(BOX.width);
  jest
    .spyOn(HTMLElement.prototype, 'clientHeight', 'get')
    .mockReturnValue(BOX.height);
});
afterAll(() => jest.restoreAllMocks());

describe('the graph view', () => {
  const layout = layoutGraph(
    filterGraph(toLineageGraph(generatedLineage(280)), ALL_FILTERS),
  );
  const percent = (zoom: number) => `${Math.round(zoom * 100)}%`;

  it('draws every node of a 500-node graph, fitted to its box', async () => {
    expect(layout.nodes.length).toBeGreaterThanOrEqual(500);
    await renderInTestApp(
      <LineageGraphView
        layout={layout}
        unexplored={new Map()}
        expanding={new Set()}
        onSelect={() => {}}
        onExpand={() => {}}
      />,
    );

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
    expect(toolbar).not.toHaveTextContent(fitted);
    await userEvent.click(screen.getByRole('button', { name: 'Fit' }));
    expect(toolbar).toHaveTextContent(fitted);
  });
});
