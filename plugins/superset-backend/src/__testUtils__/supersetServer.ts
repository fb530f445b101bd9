import { SupersetApiError } from '@internal/backstage-plugin-scout-node';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeGuestToken, supersetAnswers } from './fakeSuperset';

/**
 * Superset's REST API over HTTP on a loopback port, with the answers of
 * supersetAnswers(): sign-in for one account, the CSRF token, and guest
 * tokens (recorded, and refused without the CSRF token and its cookie).
 */
export async function startSupersetServer(account: {
  username: string;
  password: string;
}) {
  const guestTokens: unknown[] = [];
  const answers = supersetAnswers();
  const server: Server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const send = (status: number, value: unknown, headers = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    const path = req.url ?? '';
    if (path === '/api/v1/security/login') {
      const { username, password } = JSON.parse(body);
      if (username !== account.username || password !== account.password) {
        send(401, { message: 'Not authorized' });
      } else send(200, { access_token: 'access' });
      return;
    }
    if (req.headers.authorization !== 'Bearer access') {
      send(401, { msg: 'Missing Authorization Header' });
      return;
    }
    if (path === '/api/v1/security/csrf_token/') {
      send(200, { result: 'csrf' }, { 'set-cookie': 'session=s1; HttpOnly' });
      return;
    }
    if (path === '/api/v1/security/guest_token/' && req.method === 'POST') {
      if (
        req.headers['x-csrftoken'] !== 'csrf' ||
        req.headers.cookie !== 'session=s1'
      ) {
        send(400, { errors: [{ message: 'The CSRF token is missing.' }] });
        return;
      }
      guestTokens.push(JSON.parse(body));
      send(200, { token: fakeGuestToken(JSON.parse(body), 1_900_000_000) });
      return;
    }
    const answer = answers[decodeURIComponent(path)];
    if (answer instanceof SupersetApiError)
      send(answer.status, { message: 'Not found' });
    else if (answer) send(200, answer);
    else send(404, { message: 'Not found' });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    guestTokens,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}
