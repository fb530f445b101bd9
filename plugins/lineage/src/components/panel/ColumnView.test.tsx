import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GOLD, PLATINUM, ds } from '../../__testUtils__/fixtures';
import { setupLineageServer } from '../../__testUtils__/lineageServer';
import { renderLineage } from '../../__testUtils__/renderLineage';
import { LineagePage } from '../LineagePage';

// Whole-app renders with react-aria components are slow on a busy machine.
jest.setTimeout(30_000);

/** The Lineage page on `dataset`, its Columns tab, `field` picked. */
async function pickField(dataset: string, field: RegExp) {
  renderLineage(<LineagePage />, {
    at: `/lineage?node=${encodeURIComponent(ds(dataset))}`,
  });
  await screen.findByRole(
    'group',
    { name: 'Lineage graph' },
    { timeout: 10_000 },
  );
  await userEvent.click(await screen.findByRole('tab', { name: 'Columns' }));
  const columns = screen.getByRole('list', { name: 'Columns' });
  await userEvent.click(within(columns).getByRole('button', { name: field }));
  return screen.findByText(/No column lineage records a reader/);
}

describe('the column view', () => {
  setupLineageServer();

  it('tells a field no column lineage reads from a table jobs read', async () => {
    // Platinum's job reads gold, and declares column lineage for revenue only.
    const none = await pickField(GOLD, /sale_date/);
    expect(none).toHaveTextContent(
      `No column lineage records a reader of sale_date. 1 job reads ${GOLD}, but its events declared no column lineage for this field.`,
    );
  });

  it('says when no job reads the table at all', async () => {
    const none = await pickField(PLATINUM, /avg_revenue/);
    expect(none).toHaveTextContent(
      `No column lineage records a reader of avg_revenue. No job is recorded reading ${PLATINUM}.`,
    );
  });
});
