import { mockCredentials } from '@backstage/backend-test-utils';
import {
  findCity,
  findStore,
  Transaction,
} from '@internal/backstage-plugin-scout-common';
import { loadRepositoryConfig } from '@internal/backstage-plugin-scout-node';
import {
  ingestTransactions,
  serviceRoleToken,
} from '@internal/backstage-plugin-scout-node/testing';
import request from 'supertest';

// What the lakehouse tests share: the scout plugin's config, ingest through
// its edge function, the gold totals the input implies, and a silver row
// that fails a dbt test.

type Server = Parameters<typeof request>[0] & { port(): number };

const SECRET = 'lakehouse-test-secret';

/**
 * The scout plugin's config: ingest on, scheduled pipeline off, the
 * pipeline on DuckDB in `lakehouseDir`. `stack` adds the shared lakehouse
 * connections (scout.lakehouse.trino, nessie, s3, postgres).
 */
export function scoutConfig(options: {
  url?: string;
  lakehouseDir: string;
  stack?: object;
}) {
  return {
    database: options.url ? { url: options.url } : {},
    demo: { enabled: true, transactions: 0 },
    functions: { jwtSecret: SECRET },
    lakehouse: {
      ...options.stack,
      engine: 'duckdb',
      dir: options.lakehouseDir,
    },
    pipeline: { enabled: false },
  };
}

/**
 * The local stack as the checkout's app-config.yaml describes it, and
 * whether its Trino answers: tests on the real stack skip without it (or
 * fail, in CI).
 */
export function localTrino() {
  const appConfig = loadRepositoryConfig();
  const trinoUrl = appConfig.then(c =>
    c.getString('scout.lakehouse.trino.url'),
  );
  const trinoUp = trinoUrl
    .then(url => fetch(`${url}/v1/info`))
    .then(r => r.ok)
    .catch(() => false);
  return { appConfig, trinoUrl, trinoUp };
}

export async function ingest(server: Server, txs: Transaction[]) {
  await ingestTransactions(`http://localhost:${server.port()}`, txs, {
    token: serviceRoleToken(SECRET),
  });
}

/** `day|store|region` -> transactions, from the input. */
export function expectedStoreDays(input: Transaction[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of input) {
    const region = findCity(findStore(t.store_id)!.city_code)!.region_code;
    const key = `${t.occurred_at.slice(0, 10)}|${t.store_id}|${region}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** gold_daily_store_sales rows ([day, store, region, transactions, ...]) as the same map. */
export function asStoreDays(rows: unknown[][]): Map<string, number> {
  return new Map(
    rows.map(([day, store, region, transactions]) => [
      `${day}|${store}|${region}`,
      Number(transactions),
    ]),
  );
}

/**
 * A silver transaction that says it has 2 lines and has 1: the expectations
 * over Postgres silver pass it (its total is its line's), dbt's
 * line_counts_match_transactions fails it, so the run fails on its branch.
 */
export const BAD_TRANSACTION_ID = '00000000-0000-4000-8000-00000000bad1';
export const BAD_ROW = `
  with bad as (
    insert into scout.silver_transactions (transaction_id, store_id, occurred_at, sale_date,
      payment_method, total, item_count, units, received_at)
    values ('${BAD_TRANSACTION_ID}', 'ST-NCR-00001', '2026-11-19T10:00:00+08',
      '2026-11-19', 'cash', 1.00, 2, 2, now())
    returning transaction_id
  )
  insert into scout.silver_line_items (transaction_id, line_no, sale_date, store_id, sku,
    quantity, unit_price, amount)
  select transaction_id, 1, date '2026-11-19', 'ST-NCR-00001',
    (select sku from scout.products order by sku limit 1), 1, 1.00, 1.00
  from bad`;

/** Every row of a preview, page by page (500 a page), as `user`. */
export async function previewAll(
  server: Server,
  path: string,
  query: Record<string, string> = {},
  user = 'user:default/mock',
): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  for (let offset = 0; ; offset += 500) {
    const res = await request(server)
      .get(path)
      .query({ ...query, limit: 500, offset })
      .set('authorization', mockCredentials.user.header(user));
    expect(res.status).toBe(200);
    rows.push(...res.body.rows);
    if (!res.body.hasMore) return rows;
  }
}

/**
 * Requests that try to smuggle SQL or paths through names, references and
 * numbers. Each must be refused with 400 by the API's validation.
 */
export function injectionAttempts(catalog: string): string[] {
  const table = (name: string) =>
    `/catalogs/${catalog}/namespaces/gold/tables/${encodeURIComponent(name)}`;
  const gold = table('gold_daily_store_sales');
  return [
    table('gold_daily_store_sales"; drop table x; --'),
    table("gold_daily_store_sales' or '1'='1"),
    table('GOLD_DAILY_STORE_SALES'),
    table('a'.repeat(200)),
    `/catalogs/${catalog}/namespaces/${encodeURIComponent('../etc')}/tables`,
    `/catalogs/${catalog}/namespaces/${encodeURIComponent('gold.x')}/tables`,
    `/catalogs/${encodeURIComponent(`${catalog}"."gold`)}/namespaces`,
    `${gold}/preview?ref=${encodeURIComponent("main'; drop table x; --")}`,
    `${gold}/preview?snapshot=${encodeURIComponent('1 or 1=1')}`,
    `${gold}/preview?snapshot=-1`,
    `${gold}/preview?limit=501`,
    `${gold}/preview?offset=-1`,
    `${gold}/preview?limit=${encodeURIComponent('1; drop table x')}`,
    `${gold}/commits?ref=${encodeURIComponent('../../etc/passwd')}`,
    `/catalogs/${catalog}/diff?from=main&to=${encodeURIComponent('x"; drop')}`,
  ];
}
