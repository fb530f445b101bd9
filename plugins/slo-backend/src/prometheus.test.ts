import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { SloDetail } from '@internal/backstage-plugin-slo-common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import request from 'supertest';
import {
  missingBinaries,
  startProcess,
  startPrometheus,
  waitFor,
  writeAlertmanagerConfig,
  writeRules,
} from './__testUtils__/observability';
import {
  MEMBER,
  notificationsBackend,
  OWNER,
  readNotifications,
} from './__testUtils__/notificationsBackend';
import { scoutBackend } from './__testUtils__/scoutBackend';
import { sloPlugin } from './plugin';
import { loadSloSpecs } from './services/loadDefinitions';
import { PrometheusSource } from './services/PrometheusSource';

// Real Prometheus 2.42 and Alertmanager 0.25 (Debian) with the committed
// generated rules and Alertmanager routing, scraping a test backend: the
// real scout plugin on PostgreSQL, whose edge function answers 5xx when its
// database fails and whose gold gauges read the database. The SLO plugin
// reads Prometheus and receives Alertmanager's webhook under Backstage's real
// auth, and notifies through the real notifications backend, whose API a
// member of the owning group reads with a token from the real auth backend.
const missing = missingBinaries();
const scout = scoutBackend();
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
} else if (!scout.postgres) {
  // In CI testDatabases() hands out a server that fails to start instead.
  // eslint-disable-next-line no-console
  console.warn(
    'SKIPPED the real-Prometheus SLO tests: no PostgreSQL server for the scout plugin (SCOUT_TEST_DATABASE_URL)',
  );
}

(missing.length || !scout.postgres ? describe.skip : describe)(
  'the slo plugin against real Prometheus and Alertmanager',
  () => {
    jest.setTimeout(180_000);
    const token = randomBytes(24).toString('hex');
    // Made in beforeAll: a skipped describe still runs its body.
    let dir = '';
    const stops: Array<() => Promise<void>> = [];
    const notifications = notificationsBackend();
    let server: import('node:http').Server;
    let diagnostics = () => '';

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'slo-prometheus-'));
      const scoutParts = await scout.start();
      const backend = await startTestBackend({
        features: [
          sloPlugin,
          ...scoutParts.features,
          ...notifications.features,
          authServiceFactory,
          httpAuthServiceFactory,
          // The scout plugin logs every 500 it answers, with its stack; the
          // diagnostics are Prometheus's and Alertmanager's output.
          mockServices.rootLogger.factory({ level: 'none' }),
          mockServices.rootConfig.factory({
            data: {
              ...notifications.config,
              ...scoutParts.config,
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
      // Before the scout database is dropped under its pool.
      stops.push(() => backend.stop());
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
      await scout.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const get = async (id: string): Promise<SloDetail> => {
      const res = await request(server)
        .get(`/api/slo/slos/${id}`)
        .set('authorization', `Bearer ${token}`);
      if (res.status !== 200) throw new Error(JSON.stringify(res.body));
      return res.body;
    };

    it('turns the freshness SLO red when the pipeline stops', async () => {
      // The pipeline's last delivery: a batch into bronze, promoted to
      // silver (the Postgres gold's views) by the real promoter, dated 59
      // minutes ago since no test can wait an hour. Then nothing. Written
      // to bronze directly, not POSTed: one counted request and then a
      // quiet minute would record 0/0 = NaN as ingest-transaction's 5m SLI,
      // which its 30-day SLI averages into NaN (the generated rules' shape).
      const backdate = await scout.receivedAgo(3540);
      try {
        await scout.deliver();
      } finally {
        await backdate();
      }
      const newest = await waitFor('the batch to reach silver', () =>
        scout.silverNewest(),
      );
      expect(Date.now() / 1000 - newest).toBeGreaterThan(3500);

      const fresh = await waitFor(
        'scout-pg-gold-freshness to report the batch',
        async () => {
          const { item } = await get('scout-pg-gold-freshness');
          return item.currentValueSeconds !== null && item.sli !== null
            ? item
            : undefined;
        },
        30_000,
        diagnostics,
      );
      expect(fresh.currentValueSeconds!).toBeLessThan(3600);
      expect(fresh.status).toBe('ok');
      expect(fresh.alerts).toEqual([]);

      // The pipeline stopped: the newest row ages past the hour.
      const red = await waitFor(
        'scout-pg-gold-freshness to turn red',
        async () => {
          const { item } = await get('scout-pg-gold-freshness');
          return item.alerts.some(
            a => a.severity === 'page' && a.state === 'firing',
          )
            ? item
            : undefined;
        },
        120_000,
        diagnostics,
      );
      expect(red.currentValueSeconds!).toBeGreaterThan(3600);
      expect(['burning', 'exhausted']).toContain(red.status);
      // Sloth's page: 14.4x over 5m and 1h, or 6x over 30m and 6h. All the
      // history there is is this test's, so every window sees the same
      // minutes and the 6x pair is the one that pages first.
      const { burnRates: b } = red;
      expect(
        (b['5m']! > 14.4 && b['1h']! > 14.4) || (b['30m']! > 6 && b['6h']! > 6),
      ).toBe(true);
    });

    it('reports a fast burn from 5xx, its page alert, and notifies the owner', async () => {
      // Bronze refuses every write: a total outage, every ingest-transaction
      // request a 500, counted by the function host and scraped from
      // /api/scout/metrics. No non-5xx series exists then; the spec's
      // `or vector(0)` makes that 100 % errors rather than no data.
      const heal = await scout.breakBronze();
      const statuses = new Set<number>();
      let last: unknown;
      let driving = true;
      const drive = (async () => {
        while (driving) {
          statuses.add(await scout.ingest(server, 1));
          await new Promise(r => setTimeout(r, 100));
        }
      })();
      try {
        const burning = await waitFor(
          'the page alert of ingest-transaction-availability',
          async () => {
            const { item, source } = await get(
              'ingest-transaction-availability',
            );
            expect(source).toBe('prometheus');
            last = item;
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
          () =>
            `last: ${JSON.stringify(last)}; answered ${[
              ...statuses,
            ]}\n${diagnostics()}`,
        );
        expect([...statuses]).toEqual([500]);
        expect(burning.burnRates['5m']!).toBeGreaterThan(14.4);
        expect(burning.burnRates['1h']!).toBeGreaterThan(14.4);
        expect(burning.sli!).toBeLessThan(0.999);
        expect(burning.errorBudgetRemaining!).toBeLessThan(0);
        expect(burning.status).toBe('exhausted');
        expect(burning.alerts.find(a => a.severity === 'page')!.since).toMatch(
          /^\d{4}-/,
        );

        // Alertmanager's webhook -> the slo plugin -> the notifications
        // backend, which expands the owning group into its members and
        // stores one notification each: a member reads hers through its API.
        const userToken = await notifications.signIn(server);
        const topic = 'slo:ingest-transaction-availability';
        const stored = await waitFor(
          `the notification to ${MEMBER}, a member of ${OWNER}`,
          async () =>
            (
              await readNotifications(server, userToken, topic)
            ).find(
              n =>
                n.payload.scope ===
                'slo-alert:ingest-transaction-availability:page',
            ),
          60_000,
          diagnostics,
        );
        expect(stored).toMatchObject({
          user: MEMBER,
          origin: 'plugin:slo',
          payload: {
            severity: 'critical',
            link: '/slo/ingest-transaction-availability',
          },
        });
        expect(stored.payload.title).toMatch(/^SLO burning \(page\): /);
      } finally {
        driving = false;
        await drive;
        await heal();
      }
      // The latency SLO of the same function stays within budget.
      const latency = await get('ingest-transaction-latency');
      expect(latency.item.alerts).toEqual([]);
      expect(latency.item.sli).toBe(1);
    });

    it("reads an SLO's history from Prometheus' range, up to the overspent budget", async () => {
      const def = (
        await loadSloSpecs(
          join(repositoryRoot(), 'platform-manifests/observability/slos'),
        )
      ).find(d => d.id === 'ingest-transaction-availability')!;
      const now = Date.now();
      const points = await PrometheusSource.create({
        baseUrl: `http://127.0.0.1:${PROM_PORT}`,
        timeoutMs: 10_000,
      }).history(def, now - 300_000, now, 10_000);
      // The 30-day SLI exists since the outage began: seconds ago.
      expect(points.length).toBeGreaterThanOrEqual(1);
      expect(points.at(-1)!.budgetRemaining!).toBeLessThan(0);
      expect(points.at(-1)!.sli!).toBeLessThan(0.999);
    });
  },
);
