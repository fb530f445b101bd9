import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import {
  BRONZE,
  GOLD,
  SILVER,
  SOURCE,
  ds,
  fieldId,
  job,
} from '../__testUtils__/fixtures';
import { setupLineageServer } from '../__testUtils__/lineageServer';
import { renderLineage } from '../__testUtils__/renderLineage';
import { LineagePage } from './LineagePage';

// Whole-app renders with react-aria components are slow on a busy machine.
jest.setTimeout(30_000);

const at = (nodeId: string) => `/lineage?node=${encodeURIComponent(nodeId)}`;
const graph = () =>
  screen.findByRole('group', { name: 'Lineage graph' }, { timeout: 10_000 });

/** The address's query, to check what the page keeps there. */
function Query() {
  return <output aria-label="query">{useLocation().search}</output>;
}
const query = () =>
  new URLSearchParams(
    screen.getByRole('status', { name: 'query' }).textContent!,
  );

describe('the Lineage page address', () => {
  setupLineageServer();

  it('keeps expansions, selection, column and filters in the address', async () => {
    renderLineage(
      <>
        <LineagePage />
        <Query />
      </>,
      { at: at(ds(GOLD)) },
    );
    const view = await graph();
    expect([...query().keys()]).toEqual(['node']);

    await userEvent.click(
      within(view).getByRole('button', {
        name: `Expand upstream of ${SILVER}`,
      }),
    );
    await userEvent.click(
      await within(view).findByRole('button', { name: `Dataset ${BRONZE}` }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'platinum' }));
    const q = query();
    expect(q.getAll('expand')).toEqual([`upstream:${ds(SILVER)}`]);
    expect(q.get('selected')).toBe(ds(BRONZE));
    expect(q.get('layers')).toBe('source,bronze,silver,gold,other');
    expect(q.get('node')).toBe(ds(GOLD));
  });

  it('restores the view from the address', async () => {
    const params = new URLSearchParams({ node: ds(GOLD) });
    params.append('expand', `upstream:${ds(SILVER)}`);
    params.append('expand', `upstream:${ds(BRONZE)}`);
    params.set('column', fieldId(GOLD, 'revenue'));
    params.set('kinds', 'dataset');
    renderLineage(<LineagePage />, { at: `/lineage?${params}` });

    const view = await graph();
    expect(
      within(view).getByRole('button', { name: `Dataset ${SOURCE}` }),
    ).toBeVisible();
    expect(
      within(view).queryByRole('button', { name: `Job write ${GOLD}` }),
    ).toBeNull();
    expect(screen.getByRole('button', { name: 'Jobs' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    // The column's tab, with its path.
    expect(
      await screen.findByRole('list', { name: 'revenue comes from' }),
    ).toBeVisible();
  });

  it('opens on the node the address selects', async () => {
    const params = new URLSearchParams({
      node: ds(GOLD),
      selected: job(`write ${GOLD}`),
    });
    renderLineage(<LineagePage />, { at: `/lineage?${params}` });
    const view = await graph();
    expect(
      within(view).getByRole('button', { name: `Job write ${GOLD}` }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(await screen.findByText(`run-${GOLD}`)).toBeVisible();
  });
});
