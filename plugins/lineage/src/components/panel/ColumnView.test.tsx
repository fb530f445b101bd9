import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GOLD, PLATINUM, SOURCE, ds } from '../../__testUtils__/fixtures';
import { setupLineageServer } from '../../__testUtils__/lineageServer';
import { renderLineage } from '../../__testUtils__/renderLineage';
import { LineagePage } from '../LineagePage';

// Whole-app renders with react-aria components are slow on a busy machine.
jest.setTimeout(30_000);

/**
 * The Lineage page on `dataset`, its Columns tab, `field` picked; the
 * message of the side (inputs or readers) no column lineage records.
 */
async function pickField(
  dataset: string,
  field: RegExp,
  none = /No column lineage records a reader/,
) {
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
  return screen.findByText(none);
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

  const whence = /No column lineage records where/;

  it('tells a field no column lineage feeds from a table a job writes', async () => {
    // Gold's job writes sale_date and declares no column lineage for it.
    const none = await pickField(GOLD, /sale_date/, whence);
    expect(none).toHaveTextContent(
      `No column lineage records where sale_date comes from. 1 job writes ${GOLD}, but its events declared no column lineage for this field (or it is computed from no column, a constant).`,
    );
  });

  it('says a field of a table no job writes is a source', async () => {
    const none = await pickField(SOURCE, /total/, whence);
    expect(none).toHaveTextContent(
      `No column lineage records where total comes from. No job is recorded writing ${SOURCE}: it is a source.`,
    );
  });
});
