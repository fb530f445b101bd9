import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  BASE_URL,
  GOLD,
  SILVER,
  ds,
  lineageAround,
  lineageAt,
} from '../__testUtils__/fixtures';
import {
  errorResponse,
  setupLineageServer,
} from '../__testUtils__/lineageServer';
import { renderLineage } from '../__testUtils__/renderLineage';
import { LineagePage } from './LineagePage';

// Whole-app renders with react-aria components are slow on a busy machine.
jest.setTimeout(30_000);

const tryAgain = () => screen.queryByRole('button', { name: 'Try again' });

describe('the Lineage page when the graph does not load', () => {
  const server = setupLineageServer();

  it('says plainly that a node is not recorded, and offers search and recent datasets instead of a retry', async () => {
    // The backend's words for an id naming nothing it holds.
    const message =
      'no dataset "nope" in namespace "nope": a dataset\'s id is dataset:<namespace>:<name>, whose last part is the name';
    server.use(
      http.get(`${BASE_URL}/api/v1/lineage`, () =>
        errorResponse(404, 'NotFoundError', message),
      ),
    );
    renderLineage(<LineagePage />, { at: lineageAt('dataset:nope:nope') });

    expect(
      await screen.findByText('No lineage recorded for dataset:nope:nope'),
    ).toBeVisible();
    expect(screen.getByText(message)).toBeVisible();
    expect(tryAgain()).toBeNull();
    expect(
      screen.getByRole('searchbox', { name: 'Search datasets and jobs' }),
    ).toBeVisible();

    await userEvent.click(
      screen.getByRole('link', { name: 'recently written datasets' }),
    );
    const recent = await screen.findByRole('list', { name: 'Recent datasets' });
    expect(within(recent).getByRole('link', { name: GOLD })).toBeVisible();
  });

  it('offers Try again when the backend failed, and loads the graph on it', async () => {
    let failures = 1;
    server.use(
      http.get(`${BASE_URL}/api/v1/lineage`, ({ request }) => {
        const url = new URL(request.url);
        if (failures-- > 0) {
          return errorResponse(
            503,
            'ServiceUnavailableError',
            'the lineage store is not reachable',
          );
        }
        const nodeId = url.searchParams.get('nodeId')!;
        const depth = Number(url.searchParams.get('depth'));
        return HttpResponse.json({ graph: lineageAround(nodeId, depth) });
      }),
    );
    renderLineage(<LineagePage />, { at: lineageAt(ds(GOLD)) });

    expect(
      await screen.findByText('the lineage store is not reachable'),
    ).toBeVisible();
    await userEvent.click(tryAgain()!);
    const view = await screen.findByRole(
      'group',
      { name: 'Lineage graph' },
      { timeout: 10_000 },
    );
    expect(
      within(view).getByRole('button', { name: `Dataset ${SILVER}` }),
    ).toBeVisible();
  });

  it("shows the backend's message, and no retry, when a request is refused", async () => {
    server.use(
      http.get(`${BASE_URL}/api/v1/lineage`, () =>
        errorResponse(400, 'InputError', 'depth 1 is over lineage.maxDepth 0'),
      ),
    );
    renderLineage(<LineagePage />, { at: lineageAt(ds(GOLD)) });

    expect(
      await screen.findByText(/Could not load the lineage graph/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('depth 1 is over lineage.maxDepth 0'),
    ).toBeVisible();
    expect(tryAgain()).toBeNull();
  });

  it('says when a node id is malformed', async () => {
    renderLineage(<LineagePage />, { at: '/lineage?node=gold' });

    expect(
      await screen.findByText('"gold" is not a lineage node id'),
    ).toBeVisible();
  });
});
