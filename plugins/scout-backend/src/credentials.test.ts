import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { SignJWT } from 'jose';
import request from 'supertest';
import { scoutPlugin } from './plugin';

// What the scout plugin asks of its callers: a service credential for
// /metrics (in production the Prometheus scraper's static token, which
// productionProfile.test.ts checks under Backstage's real auth), and for the
// functions tokens that expire and carry scout.functions.issuer.
const SECRET = 'a-credentials-test-secret-of-32-bytes';
const ISSUER = 'https://idp.example.test/realms/scout';

function sign(claims: { exp?: boolean; iss?: string }) {
  const jwt = new SignJWT({ role: 'service_role' })
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience('scout');
  if (claims.exp) jwt.setExpirationTime('5m');
  if (claims.iss) jwt.setIssuer(claims.iss);
  return jwt.sign(new TextEncoder().encode(SECRET));
}

describe('what the scout plugin asks of callers', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        scoutPlugin,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            scout: {
              demo: { enabled: false },
              pipeline: { enabled: false },
              functions: { jwtSecret: SECRET, issuer: ISSUER },
            },
          },
        }),
      ],
    }));
  }, 120_000);

  it('serves /metrics to services, not to users (403) or anonymous callers (401)', async () => {
    const scrape = (authorization: string) =>
      request(server)
        .get('/api/scout/metrics')
        .set('authorization', authorization);
    expect((await scrape(mockCredentials.none.header())).status).toBe(401);
    expect((await scrape(mockCredentials.user.header())).status).toBe(403);
    const metrics = await scrape(mockCredentials.service.header());
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('scout_function_requests_total');
  });

  it('refuses an ingest token without exp or with another iss, and accepts the configured iss', async () => {
    const ingest = async (token: string) =>
      request(server)
        .post('/api/scout/functions/ingest-transaction')
        .set('authorization', `Bearer ${token}`)
        .send({ transactions: [{}] });
    const refusals = [
      [
        await sign({ iss: ISSUER }),
        'The token has no exp claim; tokens must expire.',
      ],
      [
        await sign({ exp: true }),
        'The token has no iss claim, which is required.',
      ],
      [
        await sign({ exp: true, iss: 'https://elsewhere.test' }),
        "The token's iss claim is not accepted.",
      ],
    ];
    for (const [token, error] of refusals) {
      const res = await ingest(token);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe(error);
    }
    // Past the token check, the (empty) transaction itself is refused.
    const accepted = await ingest(await sign({ exp: true, iss: ISSUER }));
    expect(accepted.status).toBe(400);
  });
});
