import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import type { SloList } from '@internal/backstage-plugin-slo-common';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import request from 'supertest';
import { sloDatabases } from './__testUtils__/databases';
import { recordingNotifications } from './__testUtils__/notifications';
import { scoutMetrics } from './__testUtils__/scoutMetrics';
import { sloPlugin } from './plugin';

const databases = sloDatabases();
afterAll(() => databases.closeAll());

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 250));
  }
}

describe.each(databases.ids)('the slo plugin, embedded (%s)', id => {
  jest.setTimeout(60_000);

  async function start() {
    const metrics = scoutMetrics();
    const notifications = recordingNotifications();
    const actions = actionsRegistryServiceMock();
    const { server } = await startTestBackend({
      features: [
        sloPlugin,
        metrics.plugin,
        notifications.factory,
        createServiceFactory({
          service: actionsRegistryServiceRef,
          deps: {},
          factory: () => actions,
        }),
        mockServices.rootLogger.factory({ level: 'warn' }),
        // The real scheduler: the sampler and the history run every second.
        schedulerServiceFactory,
        mockServices.database.factory({ knex: await databases.init(id) }),
        mockServices.rootConfig.factory({
          data: {
            slo: {
              embedded: { sampleInterval: '1s', metricsPlugins: ['scout'] },
              history: { interval: { seconds: 1 } },
            },
          },
        }),
      ],
    });
    return { server, metrics, notifications, actions };
  }

  it('computes status from the portal metrics and says so', async () => {
    const { server, metrics, actions } = await start();
    const now = Date.now() / 1000;
    metrics.request('ingest-transaction', 200, 50);
    metrics.request('ingest-transaction', 503, 50);
    metrics.request('ingest-doc', 200, 100, 0.1);
    metrics.goldAt(now - 10);
    metrics.pipelineAt(now - 7200);
    const user = mockCredentials.user();
    const list = await waitFor('the first sample', async () => {
      const res = await request(server)
        .get('/api/slo/slos')
        .set('authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      const body = res.body as SloList;
      const ok = body.items.find(i => i.id === 'ingest-doc-availability');
      return ok?.sli === null ? undefined : body;
    });
    expect(list.source).toBe('embedded');
    const byId = new Map(list.items.map(i => [i.id, i]));
    const burning = byId.get('ingest-transaction-availability')!;
    expect(burning.sli).toBeCloseTo(0.5);
    expect(burning.burnRates['5m']).toBeCloseTo(500);
    expect(burning.errorBudgetRemaining).toBeCloseTo(1 - 500);
    expect(burning.status).toBe('exhausted');
    expect(burning.alerts.map(a => a.severity).sort()).toEqual([
      'page',
      'ticket',
    ]);
    expect(byId.get('ingest-doc-availability')).toMatchObject({
      sli: 1,
      errorBudgetRemaining: 1,
      status: 'ok',
      alerts: [],
    });
    const fresh = byId.get('scout-pg-gold-freshness')!;
    expect(fresh).toMatchObject({
      sli: 1,
      status: 'ok',
      thresholdSeconds: 3600,
    });
    expect(fresh.currentValueSeconds).toBeGreaterThanOrEqual(9);
    expect(fresh.currentValueSeconds).toBeLessThan(60);
    const pipeline = byId.get('scout-processing-pipeline-success')!;
    expect(pipeline).toMatchObject({ sli: 0, status: 'exhausted' });
    // The lakehouse gold gauge is absent here: no slices, no data.
    expect(byId.get('iceberg-gold-freshness')!.status).toBe('no-data');
    // Worst budget first, no data last.
    const budgets = list.items.map(i => i.errorBudgetRemaining);
    const known = budgets.filter((b): b is number => b !== null);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(budgets.slice(known.length).every(b => b === null)).toBe(true);

    // Filters, one SLO, 404, a refused query.
    const owned = await request(server)
      .get(`/api/slo/slos?owner=${encodeURIComponent('group:default/ml-ai')}`)
      .set('authorization', mockCredentials.user.header());
    expect(owned.body.items.map((i: { owner: string }) => i.owner)).toEqual(
      Array(owned.body.items.length).fill('group:default/ml-ai'),
    );
    expect(owned.body.items.length).toBe(4);
    const one = await request(server)
      .get('/api/slo/slos/scout-pg-gold-freshness')
      .set('authorization', mockCredentials.user.header());
    expect(one.body).toMatchObject({
      source: 'embedded',
      item: { id: 'scout-pg-gold-freshness' },
    });
    expect(
      (
        await request(server)
          .get('/api/slo/slos/nope')
          .set('authorization', mockCredentials.user.header())
      ).status,
    ).toBe(404);
    expect(
      (
        await request(server)
          .get('/api/slo/slos/a%20b')
          .set('authorization', mockCredentials.user.header())
      ).status,
    ).toBe(400);

    // History: recorded every interval from the same source.
    const history = await waitFor('a history point', async () => {
      const res = await request(server)
        .get('/api/slo/slos/ingest-transaction-availability/history?days=1')
        .set('authorization', mockCredentials.user.header());
      return res.body.points?.some((p: { sli: unknown }) => p.sli !== null)
        ? res.body
        : undefined;
    });
    expect(history).toMatchObject({
      id: 'ingest-transaction-availability',
      intervalSeconds: 1,
    });
    const point = history.points.find((p: { sli: unknown }) => p.sli !== null);
    expect(point).toMatchObject({ source: 'embedded' });
    expect(point.sli).toBeCloseTo(0.5);
    expect(point.errorBudgetRemaining).toBeCloseTo(-499);
    expect(
      (
        await request(server)
          .get('/api/slo/slos/ingest-transaction-availability/history?days=0')
          .set('authorization', mockCredentials.user.header())
      ).status,
    ).toBe(400);

    // The read-only actions answer the same.
    const listed = await actions.list();
    const ours = listed.actions.filter(a => a.name.includes('slo'));
    expect(ours.map(a => a.name).sort()).toEqual([
      'get-slo-status',
      'list-slos',
    ]);
    expect(ours.every(a => a.attributes.readOnly)).toBe(true);
    const status = await actions.invoke({
      id: 'test:get-slo-status',
      input: { id: 'ingest-transaction-availability' },
      credentials: user,
    });
    expect(status.output).toMatchObject({
      source: 'embedded',
      item: { id: 'ingest-transaction-availability', status: 'exhausted' },
    });
    const mine = await actions.invoke({
      id: 'test:list-slos',
      input: { owner: 'group:default/ml-ai' },
      credentials: user,
    });
    expect((mine.output as { items: unknown[] }).items).toHaveLength(4);
  });

  it('turns each Alertmanager alert into one notification for the owner', async () => {
    const { server, notifications } = await start();
    const alert = {
      status: 'firing',
      labels: {
        alertname: 'IngestDocAvailabilitySLOBurn',
        severity: 'page',
        sloth_id: 'ingest-doc-availability',
        sloth_service: 'ingest-doc',
        sloth_slo: 'availability',
      },
      annotations: { summary: 'burning' },
      startsAt: '2026-12-10T10:00:00Z',
      endsAt: '0001-01-01T00:00:00Z',
      fingerprint: 'abc123',
    };
    const payload = (alerts: object[], status = 'firing') => ({
      version: '4',
      groupKey: '{}:{}',
      status,
      receiver: 'scout-portal',
      groupLabels: {},
      commonLabels: {},
      commonAnnotations: {},
      externalURL: 'http://127.0.0.1:9093',
      alerts,
    });
    const post = (body: object, auth = mockCredentials.service.header()) =>
      request(server)
        .post('/api/slo/alerts')
        .set('authorization', auth)
        .send(body);

    const unknown = { ...alert, labels: { ...alert.labels, sloth_id: 'x' } };
    const first = await post(payload([alert, unknown]));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ notified: 1, duplicates: 0, ignored: 1 });
    // Alertmanager's retry of the same delivery: nobody is notified again.
    expect((await post(payload([alert]))).body).toEqual({
      notified: 0,
      duplicates: 1,
      ignored: 0,
    });
    const resolved = {
      ...alert,
      status: 'resolved',
      endsAt: '2026-12-10T11:00:00Z',
    };
    expect((await post(payload([resolved], 'resolved'))).body).toEqual({
      notified: 1,
      duplicates: 0,
      ignored: 0,
    });
    expect(notifications.sent).toHaveLength(2);
    const [fired, cleared] = notifications.sent;
    expect(fired.recipients).toEqual({
      type: 'entity',
      entityRef: 'group:default/ml-ai',
    });
    expect(fired.payload).toMatchObject({
      severity: 'critical',
      scope: 'slo-alert:ingest-doc-availability:page',
      link: '/slo/ingest-doc-availability',
    });
    // The resolved alert updates the same notification (same scope).
    expect(cleared.payload).toMatchObject({
      severity: 'low',
      scope: fired.payload.scope,
    });
    expect(cleared.payload.title).toMatch(/recovered/);

    // People cannot post alerts; malformed payloads are a 400.
    expect(
      (await post(payload([alert]), mockCredentials.user.header())).status,
    ).toBe(403);
    expect((await post({ version: '3', alerts: [] })).status).toBe(400);
    // Text no store keeps (PostgreSQL refuses U+0000; a lone surrogate
    // reads back as U+FFFD) is a 400 naming where, never a 500.
    for (const [sent, where] of [
      [{ ...alert, fingerprint: 'abc\u0000' }, 'alerts/0/fingerprint'],
      [
        { ...alert, labels: { ...alert.labels, team: '\udc00' } },
        'alerts/0/labels/team',
      ],
    ] as const) {
      const refused = await post(payload([sent]));
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain(`${where} is not storable`);
    }
    expect(notifications.sent).toHaveLength(2);
  });
});
