// Guest tokens against the real, running Superset, through its chart-data
// API with each token. Not part of scripts/test.sh (CI runs no Superset);
// by hand, once `./scripts/yarn scout stack up superset` is up and
// `./scripts/yarn scout superset provision` has loaded the dashboards:
//   node --require @backstage/cli/config/nodeTransform.cjs --test \
//     plugins/superset-backend/src/services/guestTokens.lifecycle.ts
// It skips, saying why, when no Superset answers at SCOUT_SUPERSET_URL
// (default http://127.0.0.1:8088). The account is the local stack's
// (SCOUT_SUPERSET_USERNAME / SCOUT_SUPERSET_PASSWORD).
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  SUPERSET_DEV_DEFAULTS,
  SupersetClient,
} from '@internal/backstage-plugin-scout-node';
import assert from 'node:assert/strict';
import test from 'node:test';
import { DEFAULT_OTHERWISE } from '../config';
import { SupersetDashboards } from './SupersetDashboards';

const url = process.env.SCOUT_SUPERSET_URL?.trim() || 'http://127.0.0.1:8088';
const account = {
  username:
    process.env.SCOUT_SUPERSET_USERNAME?.trim() ||
    SUPERSET_DEV_DEFAULTS.username,
  password:
    process.env.SCOUT_SUPERSET_PASSWORD?.trim() ||
    SUPERSET_DEV_DEFAULTS.password,
};
// app-config.yaml's rules, in short: one team sees all, one sees NCR.
const dashboards = SupersetDashboards.create({
  logger: console as unknown as LoggerService,
  config: {
    baseUrl: url,
    publicUrl: url,
    ...account,
    rowLevelSecurity: {
      otherwise: DEFAULT_OTHERWISE,
      rules: [
        { groups: ['group:default/analytics'] },
        {
          groups: ['group:default/field-apps'],
          clause: "region_code = 'NCR'",
          datasets: ['gold.gold_region_category_sales'],
        },
      ],
    },
  },
});
const analyst = {
  userEntityRef: 'user:default/ana',
  ownershipEntityRefs: ['user:default/ana', 'group:default/analytics'],
};
const fieldApps = {
  userEntityRef: 'user:default/fe',
  ownershipEntityRefs: ['user:default/fe', 'group:default/field-apps'],
};
const stranger = {
  userEntityRef: 'user:default/x',
  ownershipEntityRefs: ['user:default/x'],
};

/** A chart's saved query, with the dashboard it is asked for. */
async function chartQuery(title: string, dashboard: number) {
  const admin = await SupersetClient.login(url, account);
  const q = encodeURIComponent(
    `(filters:!((col:slice_name,opr:eq,value:'${title}')))`,
  );
  const { result } = await admin.get<{ result: { id: number }[] }>(
    `/api/v1/chart/?q=${q}`,
  );
  const { result: chart } = await admin.get<{
    result: { query_context: string };
  }>(`/api/v1/chart/${result[0].id}`);
  const context = JSON.parse(chart.query_context);
  return {
    ...context,
    form_data: {
      ...context.form_data,
      slice_id: result[0].id,
      dashboardId: dashboard,
    },
  };
}

/** POST /api/v1/chart/data as the guest of `token`: status and rows. */
async function asGuest(token: string, query: unknown) {
  const response = await fetch(`${url}/api/v1/chart/data`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-guesttoken': token },
    body: JSON.stringify(query),
  });
  const body = await response.json();
  return {
    status: response.status,
    rows: (body.result?.[0]?.data ?? []) as Record<string, unknown>[],
  };
}

async function dashboardId(slug: string): Promise<number> {
  const admin = await SupersetClient.login(url, account);
  const { result } = await admin.get<{ result: { id: number } }>(
    `/api/v1/dashboard/${slug}`,
  );
  return result.id;
}

test(
  "guest tokens: each group sees its rows, only on the token's dashboard, only from the portal's origins",
  { timeout: 120_000 },
  async t => {
    const health = await fetch(`${url}/health`).catch(() => undefined);
    // CI starts Superset: there, its absence is a failure, not a skip.
    if (!health?.ok && process.env.CI) assert.fail(`no Superset at ${url}`);
    if (!health?.ok) {
      t.skip(
        `no Superset answers at ${url}/health: start it with ./scripts/yarn scout stack up superset`,
      );
      return;
    }
    const { superset, dashboards: list } = await dashboards.list();
    assert.equal(superset.state, 'ready', superset.message);
    if (!list.some(d => d.slug === 'regional-sales')) {
      assert.ok(!process.env.CI, 'CI provisions the dashboards first');
      t.skip(
        'no embedded regional-sales: run ./scripts/yarn scout superset provision',
      );
      return;
    }
    const query = await chartQuery(
      'Revenue by region',
      await dashboardId('regional-sales'),
    );
    const all = await asGuest(
      (
        await dashboards.guestToken('regional-sales', analyst)
      ).token,
      query,
    );
    const ncr = await asGuest(
      (
        await dashboards.guestToken('regional-sales', fieldApps)
      ).token,
      query,
    );
    const none = await asGuest(
      (
        await dashboards.guestToken('regional-sales', stranger)
      ).token,
      query,
    );
    assert.equal(all.status, 200);
    assert.ok(
      all.rows.length > 1,
      `regions for the analyst: ${all.rows.length}`,
    );
    assert.deepEqual(
      ncr.rows.map(r => r.region_code),
      ['NCR'],
      'the field apps team sees NCR only',
    );
    assert.equal(none.status, 200);
    assert.deepEqual(none.rows, [], 'a caller no rule covers sees no rows');

    // The same chart with a token for another dashboard: refused.
    const other = await dashboards.guestToken('payment-mix', analyst);
    const refused = await asGuest(other.token, query);
    assert.equal(refused.status, 403, 'a token opens its own dashboard only');

    // The embedded page answers the portal's origins only.
    const { embeddedId } = list.find(d => d.slug === 'regional-sales')!;
    const page = (referer: string) =>
      fetch(`${url}/embedded/${embeddedId}`, { headers: { referer } }).then(
        r => r.status,
      );
    assert.equal(await page('http://localhost:3000/dashboards'), 200);
    assert.equal(await page('http://evil.example/'), 403);
  },
);
