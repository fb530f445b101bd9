import { mockServices } from '@backstage/backend-test-utils';
import { SupersetApiError } from '@internal/backstage-plugin-scout-node';
import { fakeSuperset, supersetAnswers } from '../__testUtils__/fakeSuperset';
import type { SupersetConfig } from '../config';
import { SupersetDashboards } from './SupersetDashboards';

const config: SupersetConfig = {
  baseUrl: 'http://127.0.0.1:8088',
  publicUrl: 'http://superset.example',
  username: 'svc',
  password: 'secret-pw',
  rowLevelSecurity: {
    otherwise: '1 = 0',
    rules: [
      { groups: ['group:default/platform-team'] },
      {
        groups: ['group:default/field-apps'],
        clause: "region_code = 'NCR'",
        datasets: ['gold.gold_daily_store_sales'],
      },
    ],
  },
};
const logger = mockServices.logger.mock();
const field = {
  userEntityRef: 'user:default/ana',
  ownershipEntityRefs: ['user:default/ana', 'group:default/field-apps'],
};

function service(fake = fakeSuperset()) {
  const connect = jest.fn(async () => fake.api);
  return {
    fake,
    connect,
    dashboards: SupersetDashboards.create({ config, logger, connect }),
  };
}

describe('SupersetDashboards', () => {
  it('lists the embedded dashboards only, with description and datasets', async () => {
    const { dashboards, connect } = service();
    expect(await dashboards.list()).toEqual({
      superset: {
        state: 'ready',
        message: 'Signed in to Superset at http://127.0.0.1:8088.',
        url: 'http://superset.example',
      },
      dashboards: [
        {
          slug: 'store-performance',
          title: 'Store performance',
          description: 'Daily revenue.',
          embeddedId: 'uuid-store',
          datasets: ['gold.gold_basket_metrics', 'gold.gold_daily_store_sales'],
        },
      ],
    });
    expect(connect).toHaveBeenCalledWith('http://127.0.0.1:8088', {
      username: 'svc',
      password: 'secret-pw',
    });
  });

  it("mints a token for the caller, this dashboard only, with the caller's row-level security", async () => {
    const { dashboards, fake } = service();
    const token = await dashboards.guestToken('store-performance', field);
    expect(fake.guestTokens).toEqual([
      {
        user: { username: 'user:default/ana' },
        resources: [{ type: 'dashboard', id: 'uuid-store' }],
        rls: [
          { dataset: 12, clause: '1 = 0' },
          { dataset: 11, clause: "(region_code = 'NCR')" },
        ],
      },
    ]);
    expect(token).toMatchObject({
      expiresAt: new Date(1_900_000_000 * 1000).toISOString(),
      embeddedId: 'uuid-store',
      supersetUrl: 'http://superset.example',
    });
  });

  it('reads the list once for many tokens', async () => {
    const { dashboards, fake } = service();
    await dashboards.guestToken('store-performance', field);
    await dashboards.guestToken('store-performance', field);
    expect(
      fake.calls.filter(c => c.startsWith('/api/v1/dashboard/?')),
    ).toHaveLength(1);
  });

  // Date.now() as the service sees it: `later(ms)` moves it on from when the
  // test began. Restored after each test.
  let clock: jest.SpyInstance<number, []> | undefined;
  afterEach(() => clock?.mockRestore());
  const pinClock = () => {
    const start = Date.now();
    clock = jest.spyOn(Date, 'now').mockReturnValue(start);
    return { later: (ms: number) => clock!.mockReturnValue(start + ms) };
  };
  const nextTurn = () => new Promise(resolve => setImmediate(resolve));
  const listReads = (fake: ReturnType<typeof fakeSuperset>) =>
    fake.calls.filter(c => c.startsWith('/api/v1/dashboard/?')).length;

  it('answers an older list at once while it reads the list again after 30 s', async () => {
    const { dashboards, fake } = service();
    const { later } = pinClock();
    await dashboards.list();
    const title = async () => (await dashboards.list()).dashboards[0].title;
    // Renamed in Superset; the new read hangs until released.
    let release = () => {};
    const renamed = new Promise(resolve => {
      release = () =>
        resolve({
          result: {
            ...(supersetAnswers()['/api/v1/dashboard/1'] as { result: {} })
              .result,
            dashboard_title: 'Stores',
          },
        });
    });
    fake.answer.set('/api/v1/dashboard/1', renamed);
    later(29_000);
    expect(await title()).toBe('Store performance');
    expect(listReads(fake)).toBe(1);

    later(31_000);
    expect(await title()).toBe('Store performance');
    expect(await title()).toBe('Store performance');
    expect(listReads(fake)).toBe(2);
    release();
    await renamed;
    await nextTurn();
    expect(await title()).toBe('Stores');
    expect(listReads(fake)).toBe(2);
  });

  it('drops the older list when reading it again fails, so the next request says why', async () => {
    const { dashboards, fake } = service();
    const { later } = pinClock();
    await dashboards.list();
    fake.answer.set(
      '/api/v1/dashboard/?q=(columns:!(id),page_size:100)',
      new Error('connection reset'),
    );
    later(31_000);
    expect((await dashboards.list()).superset.state).toBe('ready');
    await nextTurn();
    expect((await dashboards.list()).superset.state).toBe('unreachable');
  });

  it('refuses a slug no embedded dashboard has, after reading the list again', async () => {
    const { dashboards, fake } = service();
    await dashboards.list();
    await expect(dashboards.guestToken('nope', field)).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'no embedded Superset dashboard has the slug "nope"',
    });
    expect(
      fake.calls.filter(c => c.startsWith('/api/v1/dashboard/?')),
    ).toHaveLength(2);
  });

  it('says Superset is not configured, and what to do', async () => {
    const dashboards = SupersetDashboards.create({ logger });
    const list = await dashboards.list();
    expect(list.dashboards).toEqual([]);
    expect(list.superset.state).toBe('not-configured');
    expect(list.superset.message).toContain('superset.baseUrl is not set');
    await expect(
      dashboards.guestToken('store-performance', field),
    ).rejects.toMatchObject({ name: 'ServiceUnavailableError' });
  });

  it('says nothing answers and names the command that starts it, then recovers', async () => {
    const fake = fakeSuperset();
    const connect = jest
      .fn()
      .mockRejectedValueOnce(new Error('no Superset answers at ...'))
      .mockResolvedValue(fake.api);
    const dashboards = SupersetDashboards.create({ config, logger, connect });
    const down = await dashboards.list();
    expect(down.superset).toEqual({
      state: 'unreachable',
      url: 'http://superset.example',
      message:
        'No Superset answers at http://127.0.0.1:8088: start it with ./scripts/yarn scout stack up postgres superset, and the first time load the dashboards with ./scripts/yarn scout superset provision.',
    });
    expect((await dashboards.list()).superset.state).toBe('ready');
  });

  it('says the service account was refused without showing its password', async () => {
    const refused = new SupersetApiError(
      'POST',
      '/api/v1/security/login',
      401,
      '{"message":"Not authorized"}',
    );
    const dashboards = SupersetDashboards.create({
      config,
      logger,
      connect: jest.fn().mockRejectedValue(refused),
    });
    const { superset } = await dashboards.list();
    expect(superset.state).toBe('refused');
    expect(superset.message).toContain(
      'refused the service account "svc" (401)',
    );
    expect(JSON.stringify(superset)).not.toContain('secret-pw');
  });

  it('signs in again once when the session has expired', async () => {
    const { dashboards, fake, connect } = service();
    await dashboards.list();
    const post = fake.api.post;
    fake.api.post = jest
      .fn()
      .mockRejectedValueOnce(
        new SupersetApiError('POST', '/api/v1/security/guest_token/', 401, ''),
      )
      .mockImplementation(post);
    const minted = dashboards.guestToken('store-performance', field);
    await expect(minted).resolves.toMatchObject({ embeddedId: 'uuid-store' });
    expect(connect).toHaveBeenCalledTimes(2);
  });
});
