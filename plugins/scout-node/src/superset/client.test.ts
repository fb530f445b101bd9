import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SupersetClient } from './client';

/**
 * A Superset stand-in that closes the connection under the requests whose
 * numbers (from 1) are in `closeUnder`, as a server ending an idle
 * keep-alive connection does to a client reusing it at that moment, and
 * answers the others.
 */
async function closingServer(closeUnder: number[]) {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (closeUnder.includes(requests.length)) {
      req.socket.destroy();
      return;
    }
    res.setHeader('content-type', 'application/json');
    if (req.url?.endsWith('/api/v1/security/login')) {
      res.end(JSON.stringify({ access_token: 'token' }));
    } else if (req.url?.endsWith('/api/v1/security/csrf_token/')) {
      res.setHeader('set-cookie', 'session=s; HttpOnly');
      res.end(JSON.stringify({ result: 'csrf' }));
    } else {
      res.end(JSON.stringify({ ok: req.url }));
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, server };
}

describe('SupersetClient', () => {
  let stub: Awaited<ReturnType<typeof closingServer>>;
  afterEach(() => {
    stub.server.closeAllConnections();
    stub.server.close();
  });

  const account = { username: 'svc', password: 'pw' };

  it('tries a read again when its connection is closed under it', async () => {
    stub = await closingServer([2]);
    const api = await SupersetClient.login(stub.url, account);
    expect(await api.get('/api/v1/dashboard/')).toEqual({
      ok: '/api/v1/dashboard/',
    });
    expect(stub.requests).toEqual([
      'POST /api/v1/security/login',
      'GET /api/v1/dashboard/',
      'GET /api/v1/dashboard/',
    ]);
  });

  it('tries a sign-in and a guest token again, which change nothing in Superset', async () => {
    // Sign-in, sign-in again, CSRF token, guest token, guest token again.
    stub = await closingServer([1, 4]);
    const api = await SupersetClient.login(stub.url, account);
    await expect(
      api.post('/api/v1/security/guest_token/', { resources: [] }),
    ).resolves.toEqual({ ok: '/api/v1/security/guest_token/' });
    expect(stub.requests).toEqual([
      'POST /api/v1/security/login',
      'POST /api/v1/security/login',
      'GET /api/v1/security/csrf_token/',
      'POST /api/v1/security/guest_token/',
      'POST /api/v1/security/guest_token/',
    ]);
  });

  it('tries a sign-in again under a Superset served below a base path', async () => {
    stub = await closingServer([1]);
    await SupersetClient.login(`${stub.url}/superset`, account);
    expect(stub.requests).toEqual([
      'POST /superset/api/v1/security/login',
      'POST /superset/api/v1/security/login',
    ]);
  });

  it('does not send a write twice: its error reaches the caller', async () => {
    // Sign-in, CSRF token, the write.
    stub = await closingServer([3]);
    const api = await SupersetClient.login(stub.url, account);
    await expect(
      api.post('/api/v1/dataset/', { table_name: 't' }),
    ).rejects.toThrow('fetch failed');
    expect(
      stub.requests.filter(r => r === 'POST /api/v1/dataset/'),
    ).toHaveLength(1);
  });
});
