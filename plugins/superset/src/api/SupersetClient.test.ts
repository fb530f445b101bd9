import { guestToken, list, salesDashboard } from '../__testUtils__/fixtures';
import { SupersetClient } from './SupersetClient';
import { BackendRequestError } from '@internal/backstage-plugin-scout-react';

const BASE_URL = 'http://localhost:7007/api/superset';

function clientAnswering(answer: () => Promise<Response>) {
  const fetch = jest.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
    answer(),
  );
  const discoveryApi = { getBaseUrl: jest.fn(async () => BASE_URL) };
  const client = SupersetClient.create({ discoveryApi, fetchApi: { fetch } });
  return { client, fetch, discoveryApi };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('SupersetClient', () => {
  it('lists the dashboards from the superset plugin', async () => {
    const { client, fetch, discoveryApi } = clientAnswering(async () =>
      json(list()),
    );

    await expect(client.listDashboards()).resolves.toEqual(list());
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('superset');
    expect(fetch).toHaveBeenCalledWith(
      `${BASE_URL}/dashboards`,
      expect.objectContaining({ method: 'GET' }),
    );
  });

  it("posts for a guest token at the dashboard's slug", async () => {
    const { client, fetch } = clientAnswering(async () =>
      json(guestToken(salesDashboard)),
    );

    await expect(client.createGuestToken('store-sales')).resolves.toEqual(
      guestToken(salesDashboard),
    );
    expect(fetch).toHaveBeenCalledWith(
      `${BASE_URL}/dashboards/store-sales/guest-token`,
      expect.objectContaining({ method: 'POST' }),
    );
  });

  it("turns an error answer into an error with the server's message", async () => {
    const message =
      'Superset does not answer at http://localhost:8088: start it with ./scripts/yarn scout stack up superset';
    const { client } = clientAnswering(async () =>
      json({ error: { name: 'ServiceUnavailableError', message } }, 503),
    );

    const error = await client.createGuestToken('store-sales').catch(e => e);
    expect(error).toBeInstanceOf(BackendRequestError);
    expect(error).toMatchObject({
      name: 'ServiceUnavailableError',
      message,
      status: 503,
    });
  });

  it('names the status when the error body is not JSON', async () => {
    const { client } = clientAnswering(
      async () =>
        new Response('<html>bad gateway</html>', {
          status: 502,
          statusText: 'Bad Gateway',
        }),
    );

    await expect(client.listDashboards()).rejects.toMatchObject({
      message: 'Request failed with 502 Bad Gateway',
      status: 502,
    });
  });

  it('says the backend could not be reached when the request fails', async () => {
    const { client } = clientAnswering(async () => {
      throw new TypeError('Failed to fetch');
    });

    await expect(client.listDashboards()).rejects.toMatchObject({
      name: 'NetworkError',
      status: 0,
      message: expect.stringContaining('Failed to fetch'),
    });
  });
});
