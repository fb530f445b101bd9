import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { startSupersetServer } from './__testUtils__/supersetServer';
import { supersetPlugin } from './plugin';

const account = { username: 'svc', password: 'service-account-password' };
const groups: Record<string, string[]> = {
  'user:default/ana': ['group:default/analytics'],
  'user:default/fe': ['group:default/field-apps'],
};

async function start(superset?: object) {
  const { server } = await startTestBackend({
    features: [
      supersetPlugin,
      mockServices.rootConfig.factory({ data: { superset } }),
      mockServices.userInfo.mock({
        getUserInfo: async credentials => {
          const ref = (credentials.principal as { userEntityRef: string })
            .userEntityRef;
          return {
            userEntityRef: ref,
            ownershipEntityRefs: [ref, ...(groups[ref] ?? [])],
          };
        },
      }).factory,
    ],
  });
  return server;
}

const as = (ref: string) => mockCredentials.user.header(ref);

describe('the superset plugin', () => {
  let superset: Awaited<ReturnType<typeof startSupersetServer>>;
  beforeAll(async () => {
    superset = await startSupersetServer(account);
  });
  afterAll(() => superset.close());

  const config = () => ({
    baseUrl: superset.url,
    ...account,
    rowLevelSecurity: {
      rules: [
        { groups: ['group:default/analytics'] },
        {
          groups: ['group:default/field-apps'],
          clause: "region_code = 'NCR'",
        },
      ],
    },
  });

  it('lists the embedded dashboards to signed-in callers only', async () => {
    const server = await start(config());
    await request(server)
      .get('/api/superset/dashboards')
      .set('authorization', mockCredentials.none.header())
      .expect(401);
    const res = await request(server)
      .get('/api/superset/dashboards')
      .set('authorization', as('user:default/ana'))
      .expect(200);
    expect(res.body.superset.state).toBe('ready');
    expect(res.body.dashboards.map((d: { slug: string }) => d.slug)).toEqual([
      'store-performance',
    ]);
  });

  it("mints each user a token with their own groups' rows, and never shows the password", async () => {
    const server = await start(config());
    for (const user of ['user:default/ana', 'user:default/fe']) {
      const res = await request(server)
        .post('/api/superset/dashboards/store-performance/guest-token')
        .set('authorization', as(user))
        .expect(200);
      expect(res.body).toMatchObject({
        embeddedId: 'uuid-store',
        supersetUrl: superset.url,
      });
      expect(JSON.stringify(res.body)).not.toContain(account.password);
    }
    expect(superset.guestTokens.slice(-2)).toEqual([
      {
        user: { username: 'user:default/ana' },
        resources: [{ type: 'dashboard', id: 'uuid-store' }],
        rls: [],
      },
      {
        user: { username: 'user:default/fe' },
        resources: [{ type: 'dashboard', id: 'uuid-store' }],
        rls: [
          { dataset: 12, clause: "(region_code = 'NCR')" },
          { dataset: 11, clause: "(region_code = 'NCR')" },
        ],
      },
    ]);
  });

  it('gives tokens to users only, for dashboards that exist, with slugs that are slugs', async () => {
    const server = await start(config());
    const post = (slug: string) =>
      request(server).post(`/api/superset/dashboards/${slug}/guest-token`);
    await post('store-performance')
      .set('authorization', mockCredentials.service.header())
      .expect(403);
    const missing = await post('payment-mix')
      .set('authorization', as('user:default/ana'))
      .expect(404);
    expect(missing.body.error.message).toBe(
      'no embedded Superset dashboard has the slug "payment-mix"',
    );
    await post('Not%20a%20slug')
      .set('authorization', as('user:default/ana'))
      .expect(400);
  });

  it('starts without Superset, and says so with what to do', async () => {
    const server = await start(undefined);
    const list = await request(server)
      .get('/api/superset/dashboards')
      .set('authorization', as('user:default/ana'))
      .expect(200);
    expect(list.body).toMatchObject({
      superset: { state: 'not-configured' },
      dashboards: [],
    });
    const token = await request(server)
      .post('/api/superset/dashboards/store-performance/guest-token')
      .set('authorization', as('user:default/ana'))
      .expect(503);
    expect(token.body.error.message).toContain('superset.baseUrl is not set');
  });

  it('says the service account was refused when its password is wrong', async () => {
    const server = await start({ ...config(), password: 'wrong-password' });
    const res = await request(server)
      .get('/api/superset/dashboards')
      .set('authorization', as('user:default/ana'))
      .expect(200);
    expect(res.body.superset.state).toBe('refused');
    expect(JSON.stringify(res.body)).not.toContain('wrong-password');
  });
});
