import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { ScoutHomeLayout } from './ScoutHomeLayout';

const widget = (name: string) => ({
  name,
  node: {} as any,
  component: <section aria-label={name}>{name} card</section>,
});

describe('ScoutHomeLayout', () => {
  it('lays out the configured cards in reading order, with their spans', async () => {
    await renderInTestApp(
      <ScoutHomeLayout
        widgets={[widget('Runs'), widget('Search'), widget('Unlisted')]}
        defaultConfig={[
          { component: 'Runs', row: 1, column: 0, width: 8, height: 1 },
          { component: 'Search', row: 0, column: 0, width: 12, height: 1 },
        ]}
      />,
    );
    expect(
      screen.getByRole('heading', { name: 'Scout Portal' }),
    ).toBeInTheDocument();
    const cards = screen.getAllByText(/ card$/);
    expect(cards.map(card => card.textContent)).toEqual([
      'Search card',
      'Runs card',
    ]);
    expect(screen.queryByText('Unlisted card')).toBeNull();
    // Full width on a phone, 8 of 12 columns from 1024 px.
    expect(cards[1].parentElement).toHaveClass(
      'bui-col-span-1',
      'lg:bui-col-span-8',
    );
  });
});
