import { mockServices } from '@backstage/backend-test-utils';
import { parseSloSpec } from '@internal/backstage-plugin-slo-common';
import type { Knex } from 'knex';
import { sloDatabases } from '../__testUtils__/databases';
import { EmbeddedSource } from './EmbeddedSource';
import { SloStore } from './SloStore';

const databases = sloDatabases();
afterAll(() => databases.closeAll());

// One request SLO: 99.9 % of ingest-doc requests without a 5xx.
const def = parseSloSpec(
  `apiVersion: openslo/v1alpha
kind: SLO
metadata:
  name: availability
  displayName: ingest-doc availability
  annotations:
    scout.io/owner: group:default/ml-ai
    scout.io/entity: component:default/ingest-doc
spec:
  service: ingest-doc
  description: Requests without a 5xx.
  budgetingMethod: Occurrences
  timeWindows:
    - unit: Day
      count: 30
      isRolling: true
  objectives:
    - displayName: 99.9 %
      target: 0.999
      ratioMetrics:
        counter: true
        good:
          source: prometheus
          queryType: promql
          query: 'sum(rate(scout_function_requests_total{function="ingest-doc",status!~"5.."}[{{.window}}]))'
        total:
          source: prometheus
          queryType: promql
          query: 'sum(rate(scout_function_requests_total{function="ingest-doc"}[{{.window}}]))'
`,
  'ingest-doc-availability.yaml',
);

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 11, 1, 12, 0);

/** The portal's counters, as its metrics route serves them. */
function counters() {
  const count = { ok: 0, failed: 0 };
  const read = async () => [
    [
      '# TYPE scout_function_requests_total counter',
      `scout_function_requests_total{function="ingest-doc",status="200"} ${count.ok}`,
      `scout_function_requests_total{function="ingest-doc",status="500"} ${count.failed}`,
    ].join('\n'),
  ];
  return { count, read };
}

/** The embedded source of a (re)started backend, over `db`. */
function start(db: Knex, read: () => Promise<string[]>) {
  return EmbeddedSource.create({
    defs: [def],
    store: SloStore.create(db),
    read,
    logger: mockServices.logger.mock(),
  });
}

const alertsAt = async (source: EmbeddedSource, now: number) =>
  (await source.measure([def], now)).get(def.id)?.alerts;

describe.each(databases.ids)('EmbeddedSource alerts (%s)', id => {
  it('keeps when an alert began across a restart, and forgets it once the burn stops', async () => {
    const db = await databases.init(id);
    const metrics = counters();
    const first = start(db, metrics.read);
    // Every request fails: far past both page and ticket burn rates.
    metrics.count.failed = 100;
    await first.sample(T0);
    const firing = [
      { severity: 'page', state: 'firing', since: new Date(T0).toISOString() },
      {
        severity: 'ticket',
        state: 'firing',
        since: new Date(T0).toISOString(),
      },
    ];
    expect(await alertsAt(first, T0)).toEqual(firing);
    expect(await alertsAt(first, T0 + MINUTE)).toEqual(firing);

    // A restart: a new process reads the same database. Its first sample
    // counts the (new) process's counters from zero.
    const again = counters();
    const second = start(db, again.read);
    again.count.failed = 10;
    await second.sample(T0 + 2 * MINUTE);
    expect(await alertsAt(second, T0 + 2 * MINUTE)).toEqual(firing);

    // An hour and a half of good requests, 10,000 a minute: every window
    // burns below 1x now, and both alerts stop.
    for (let m = 3; m <= 93; m++) {
      again.count.ok += 10_000;
      await second.sample(T0 + m * MINUTE);
    }
    expect(await alertsAt(second, T0 + 93 * MINUTE)).toEqual([]);

    // It burns again: the alert begins anew, and a restart keeps that time.
    again.count.failed += 1_000_000;
    await second.sample(T0 + 94 * MINUTE);
    const since = new Date(T0 + 94 * MINUTE).toISOString();
    expect(await alertsAt(second, T0 + 94 * MINUTE)).toEqual([
      { severity: 'page', state: 'firing', since },
      { severity: 'ticket', state: 'firing', since },
    ]);
    const third = start(db, counters().read);
    expect(await alertsAt(third, T0 + 95 * MINUTE)).toEqual([
      { severity: 'page', state: 'firing', since },
      { severity: 'ticket', state: 'firing', since },
    ]);
  });
});
