import { arrangeWidgets } from './arrangeWidgets';

const widget = (name: string) => ({ name, component: <div>{name}</div> });
const item = (component: string, row: number, column: number, width = 4) => ({
  component,
  row,
  column,
  width,
});

describe('arrangeWidgets', () => {
  it('orders cards by row, then column, with their spans', () => {
    const placed = arrangeWidgets(
      [widget('A'), widget('B'), widget('C')],
      [item('C', 1, 6, 6), item('B', 1, 0, 6), item('A', 0, 0, 12)],
    );
    expect(placed.map(p => [p.element.props.children, p.span])).toEqual([
      ['A', '12'],
      ['B', '6'],
      ['C', '6'],
    ]);
  });

  it('skips config items whose widget is not installed, and unlisted widgets', () => {
    const placed = arrangeWidgets(
      [widget('A'), widget('Unlisted')],
      [item('Missing', 0, 0), item('A', 0, 4)],
    );
    expect(placed.map(p => p.element.props.children)).toEqual(['A']);
  });

  it('clamps spans to the 12-column grid', () => {
    const placed = arrangeWidgets(
      [widget('A'), widget('B')],
      [item('A', 0, 0, 20), item('B', 1, 0, 0)],
    );
    expect(placed.map(p => p.span)).toEqual(['12', '1']);
  });
});
