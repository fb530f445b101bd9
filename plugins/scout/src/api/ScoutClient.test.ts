import { BASE_URL, overview } from '../__testUtils__/fixtures';
import { ScoutClient } from './ScoutClient';

/** A client whose fetch answers each overview request from `answers`. */
function client(answers: Response[]) {
  const fetch = jest.fn(async (_input: RequestInfo | URL) => {
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next;
  });
  return {
    fetch,
    scout: ScoutClient.create({
      discoveryApi: { getBaseUrl: async () => BASE_URL },
      fetchApi: { fetch },
    }),
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

describe('ScoutClient.getOverview', () => {
  it('sends one request for callers that ask while it is in flight', async () => {
    const { fetch, scout } = client([json(overview)]);
    const [a, b] = await Promise.all([
      scout.getOverview(),
      scout.getOverview(),
    ]);
    expect(a).toEqual(overview);
    expect(b).toEqual(overview);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(String(fetch.mock.calls[0][0])).toBe(
      `${BASE_URL}/pipeline/overview`,
    );
  });

  it('asks again once the request settled, after an error too', async () => {
    const { fetch, scout } = client([
      json({ error: { name: 'Error', message: 'down' } }, 503),
      json(overview),
    ]);
    await expect(scout.getOverview()).rejects.toMatchObject({ status: 503 });
    await expect(scout.getOverview()).resolves.toEqual(overview);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
