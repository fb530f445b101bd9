import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { SloDetail } from '@internal/backstage-plugin-slo-common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  missingBinaries,
  startProcess,
  startPrometheus,
  waitFor,
  writeAlertmanagerConfig,
  writeRules,
} from './__testUtils__/observability';
import { recordingNotifications } from './__testUtils__/notifications';
import { scoutMetrics } from './__testUtils__/scoutMetrics';
import { sloPlugin } from './plugin';

// Real Prometheus 2.42 and Alertmanager 0.25 (Debian) with the committed
// generated rules and Alertmanager routing, scraping a test backend whose
// /api/scout/metrics a test drives; the SLO plugin reads Prometheus and
// receives Alertmanager's webhook under Backstage's real auth.
const missing = missingBinaries();
const PROM_PORT = 19190;
const AM_PORT = 19193;

if (missing.length && process.env.CI) {
  // CI installs both: a missing one there is a failure, not a skip.
  it('has prometheus and prometheus-alertmanager', () => {
    expect(missing).toEqual([]);
  });
} else if (missing.length) {
  // eslint-disable-next-line no-console
  console.warn(
    `SKIPPED the real-Prometheus SLO tests: ${missing.join(
      ' and ',
    )} not installed (apt-get install prometheus prometheus-alertmanager)`,
  );
}

(missing.length ? describe.skip : describe)(
  'the slo plugin against real Prometheus and Alertmanager',
  () => {
    jest.setTimeout(180_000);
    const token = randomBytes(24).toString('hex');
    const dir = mkdtempSync(join(tmpdir(), 'slo-prometheus-'));
    const stops: Array<() => Promise<void>> = [];
    const metrics = scoutMetrics();
    const notifications = recordingNotifications();
    let server: import('node:http').Server;
    let diagnostics = () => '';

    beforeAll(async () => {
      const backend = await startTestBackend({
        features: [
          sloPlugin,
          metrics.plugin,
          notifications.factory,
          authServiceFactory,
          httpAuthServiceFactory,
          mockServices.rootLogger.factory({ level: 'warn' }),
          mockServices.rootConfig.factory({
            data: {
              backend: {
                auth: {
                  externalAccess: [
                    {
                      type: 'static',
                      options: { token, subject: 'alertmanager' },
                      accessRestrictions: [
                        { plugin: 'slo' },
                        { plugin: 'scout' },
                      ],
                    },
                  ],
                },
              },
              slo: {
                prometheus: { baseUrl: `http://127.0.0.1:${PROM_PORT}` },
              },
            },
          }),
        ],
      });
      server = backend.server;
      const { port } = server.address() as AddressInfo;
      const am = startProcess('prometheus-alertmanager', [
        `--config.file=${writeAlertmanagerConfig(
          dir,
          `http://127.0.0.1:${port}/api/slo/alerts`,
          token,
        )}`,
        `--storage.path=${join(dir, 'am')}`,
        `--web.listen-address=127.0.0.1:${AM_PORT}`,
        '--cluster.listen-address=',
      ]);
      stops.push(am.stop);
      const prom = startPrometheus({
        dir,
        port: PROM_PORT,
        target: `127.0.0.1:${port}`,
        metricsPath: '/api/scout/metrics',
        token,
        rules: writeRules(dir, ['ingest-transaction', 'scout-pg-gold']),
        alertmanager: `127.0.0.1:${AM_PORT}`,
      });
      stops.push(prom.stop);
      diagnostics = () =>
        `--- prometheus\n${prom.output().slice(-3000)}\n--- alertmanager\n${am
          .output()
          .slice(-3000)}`;
      await waitFor(
        'Prometheus to be ready',
        async () =>
          (await fetch(`http://127.0.0.1:${PROM_PORT}/-/ready`)).ok ||
          undefined,
        30_000,
        diagnostics,
      );
    });

    afterAll(async () => {
      for (const stop of stops.reverse()) await stop();
      rmSync(dir, { recursive: true, force: true });
    });

    const get = async (id: string): Promise<SloDetail> => {
      const res = await request(server)
        .get(`/api/slo/slos/${id}`)
        .set('authorization', `Bearer ${token}`);
      if (res.status !== 200) throw new Error(JSON.stringify(res.body));
      return res.body;
    };

    it('reports a fast burn from 5xx, its page alert, and notifies the owner', async () => {
      // Fresh gold, so only the 5xx burn.
      metrics.goldAt(Date.now() / 1000);
      const drive = setInterval(() => {
        metrics.goldAt(Date.now() / 1000);
        metrics.request('ingest-transaction', 200, 5);
        metrics.request('ingest-transaction', 500, 5);
      }, 200);
      try {
        const burning = await waitFor(
          'the page alert of ingest-transaction-availability',
          async () => {
            const { item, source } = await get(
              'ingest-transaction-availability',
            );
            expect(source).toBe('prometheus');
            // The budget and the 30-day SLI are recording rules of their
            // own: they can lag the alert by an evaluation.
            return item.alerts.some(
              a => a.severity === 'page' && a.state === 'firing',
            ) &&
              item.errorBudgetRemaining !== null &&
              item.sli !== null
              ? item
              : undefined;
          },
          90_000,
          diagnostics,
        );
        expect(burning.burnRates['5m']!).toBeGreaterThan(14.4);
        expect(burning.burnRates['1h']!).toBeGreaterThan(14.4);
        expect(burning.sli!).toBeLessThan(0.999);
        expect(burning.errorBudgetRemaining!).toBeLessThan(0);
        expect(burning.status).toBe('exhausted');
        expect(burning.alerts.find(a => a.severity === 'page')!.since).toMatch(
          /^\d{4}-/,
        );

        const sent = await waitFor(
          'the notification to the owning group',
          async () =>
            notifications.sent.find(
              n =>
                n.payload.scope ===
                'slo-alert:ingest-transaction-availability:page',
            ),
          60_000,
          diagnostics,
        );
        expect(sent.recipients).toEqual({
          type: 'entity',
          entityRef: 'group:default/data-engineering',
        });
        expect(sent.payload.severity).toBe('critical');
      } finally {
        clearInterval(drive);
      }
      // The latency SLO of the same function stays within budget.
      const latency = await get('ingest-transaction-latency');
      expect(latency.item.alerts).toEqual([]);
      expect(latency.item.sli).toBe(1);
    });

    it('turns the freshness SLO red when the pipeline stops', async () => {
      // The newest gold row stops advancing: two hours old.
      metrics.goldAt(Date.now() / 1000 - 7200);
      const red = await waitFor(
        'scout-pg-gold-freshness to turn red',
        async () => {
          const { item } = await get('scout-pg-gold-freshness');
          return item.alerts.some(a => a.severity === 'page')
            ? item
            : undefined;
        },
        60_000,
        diagnostics,
      );
      expect(red.currentValueSeconds!).toBeGreaterThan(3600);
      expect(['burning', 'exhausted']).toContain(red.status);
      expect(red.burnRates['5m']!).toBeGreaterThan(14.4);
    });
  },
);
