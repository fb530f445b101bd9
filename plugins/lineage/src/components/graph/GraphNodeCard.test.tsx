import { render, screen } from '@testing-library/react';
import { BARE_GOLD, GOLD, NS } from '../../__testUtils__/fixtures';
import { GraphNodeCard, NO_SIDES } from './GraphNodeCard';

describe('a node card', () => {
  it('shows every line it cuts in full on hover', () => {
    // A dataset as long as real ones get, on a column path of two fields.
    const name = `${GOLD}_by_store_region_and_product_category`;
    const fields = ['revenue_including_tax', 'revenue_excluding_discounts'];
    render(
      <GraphNodeCard
        placed={{
          node: { ...BARE_GOLD, namespace: NS, name },
          x: 0,
          y: 0,
          width: 260,
          height: 104,
        }}
        state={{
          selected: false,
          onPath: true,
          pathFields: fields,
          canExpand: NO_SIDES,
          expanding: NO_SIDES,
          badges: [],
        }}
        onSelect={() => {}}
        onExpand={() => {}}
      />,
    );

    const card = screen.getByRole('button', { name: `Dataset ${name}` });
    expect(card).toHaveAttribute('title', `${NS} : ${name}`);
    expect(screen.getByText(fields.join(', '))).toHaveAttribute(
      'title',
      fields.join(', '),
    );
  });
});
