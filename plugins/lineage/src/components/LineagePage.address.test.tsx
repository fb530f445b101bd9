import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { useLocation } from 'react-router-dom';
import {
  BASE_URL,
  BRONZE,
  GOLD,
  SILVER,
  SOURCE,
  ds,
  fieldId,
  job,
  lineageAt,
} from '../__testUtils__/fixtures';
import { setupLineageServer } from '../__testUtils__/lineageServer';
import { renderLineage } from '../__testUtils__/renderLineage';
import { LineagePage } from './LineagePage';

// Whole-app renders with react-aria components are slow on a busy machine.
jest.setTimeout(30_000);

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
  const server = setupLineageServer();

  it('keeps expansions, selection, column and filters in the address', async () => {
    renderLineage(
      <>
        <LineagePage />
        <Query />
      </>,
      { at: lineageAt(ds(GOLD)) },
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

  it("opens a column's id as its dataset with that column's path", async () => {
    const revenue = fieldId(GOLD, 'revenue');
    renderLineage(
      <>
        <LineagePage />
        <Query />
      </>,
      { at: lineageAt(revenue) },
    );
    expect(
      await screen.findByRole('list', { name: 'revenue comes from' }),
    ).toBeVisible();
    const q = query();
    expect(q.get('node')).toBe(ds(GOLD));
    expect(q.get('column')).toBe(revenue);
    expect(screen.queryByText(/is not a lineage node id/)).toBeNull();
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

  it('says why it drops a column or selection the graph does not hold', async () => {
    const asked: string[] = [];
    server.use(
      http.get(`${BASE_URL}/api/v1/column-lineage`, ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('nodeId')!);
        return HttpResponse.json({ graph: [] });
      }),
    );
    const params = new URLSearchParams({
      node: ds(GOLD),
      column: 'garbage',
      selected: ds('iceberg.gold.nope'),
    });
    renderLineage(
      <>
        <LineagePage />
        <Query />
      </>,
      { at: `/lineage?${params}` },
    );
    await graph();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'column "garbage": not a column id, which is datasetField:<namespace>:<dataset>:<field>.',
    );
    expect(alert).toHaveTextContent(
      `selected "${ds('iceberg.gold.nope')}": no such node in this graph.`,
    );
    expect([...query().keys()]).toEqual(['node']);
    // Not a field: never asked for its lineage.
    expect(asked).toEqual([]);
    await userEvent.click(
      within(alert).getByRole('button', { name: 'Dismiss' }),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says why it drops a column the graph has no such field of', async () => {
    const params = new URLSearchParams({
      node: ds(GOLD),
      column: fieldId(GOLD, 'nope'),
    });
    renderLineage(
      <>
        <LineagePage />
        <Query />
      </>,
      { at: `/lineage?${params}` },
    );
    await graph();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `column "${fieldId(GOLD, 'nope')}": ${GOLD} has no field nope.`,
    );
    expect(query().has('column')).toBe(false);
  });
});
