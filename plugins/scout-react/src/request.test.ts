import { BackendRequestError, errorStatus, readJson } from './request';

const response = (status: number, body: unknown) =>
  Promise.resolve({
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 404 ? 'Not Found' : 'Error',
    json: () =>
      body === undefined
        ? Promise.reject(new SyntaxError('no JSON'))
        : Promise.resolve(body),
  });

describe('readJson', () => {
  it('reads the body of a 2xx response', async () => {
    await expect(readJson(response(200, { items: [1] }))).resolves.toEqual({
      items: [1],
    });
  });

  it("turns a failure into an error with the backend's name, message and status", async () => {
    const error = await readJson(
      response(404, { error: { name: 'NotFoundError', message: 'no run 7' } }),
    ).catch(e => e);
    expect(error).toBeInstanceOf(BackendRequestError);
    expect(error).toMatchObject({
      name: 'NotFoundError',
      message: 'no run 7',
      status: 404,
    });
    expect(errorStatus(error)).toBe(404);
  });

  it('says the status when the body is not an error body', async () => {
    const error = await readJson(response(404, undefined)).catch(e => e);
    expect(error.message).toBe('Request failed with 404 Not Found');
  });

  it('gives status 0 when nothing answered', async () => {
    const error = await readJson<never>(
      Promise.reject(new TypeError('fetch failed')),
    ).catch((e: BackendRequestError) => e);
    expect(errorStatus(error)).toBe(0);
    expect(error.message).toContain('could not be reached');
    expect(errorStatus(new Error('other'))).toBeUndefined();
  });
});
