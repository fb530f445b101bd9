import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openScoutDatabase } from '../db/openScoutDatabase';
import { ScoutDatabase } from '../db/types';
import { createMigrationRunner } from '../migrations/createMigrationRunner';
import { defaultMigrationsDirectory } from '../migrations/migrationFiles';
import { testDatabases } from '../testing/testDatabases';
import {
  developmentExpectations,
  expectationFailures,
  expectationTests,
  maskPassword,
  parseExpectationsResults,
} from './expectations';

// The first run may set up the project venv (pip install of dbt and GX).
jest.setTimeout(300_000);

const repoRoot = resolve(__dirname, '../../../..');
const server = testDatabases().find(d => d.kind === 'postgres');

describe('maskPassword', () => {
  it('masks the password raw and percent-decoded, and leaves a URL without one alone', () => {
    const url = 'postgres://scout:p%40ss@db:5432/scout';
    expect(maskPassword('auth p%40ss and p@ss failed', url)).toBe(
      'auth *** and *** failed',
    );
    expect(maskPassword('no secret', 'postgres://scout@db/scout')).toBe(
      'no secret',
    );
  });
});

// The real checkpoint: scripts/gx (Python, Great Expectations) against a
// fresh, migrated PostgreSQL database.
(server ? describe : describe.skip)('the Great Expectations checkpoint', () => {
  let db: ScoutDatabase;
  let url: string;
  let out: string;
  // A password the server (trust auth) ignores: it must show nowhere.
  const password = 'not-for-logs-7f3a';
  const lines: string[] = [];
  const check = (name: string) =>
    developmentExpectations(repoRoot)({
      databaseUrl: url,
      outDir: join(out, name),
      log: line => lines.push(line),
    });

  beforeAll(async () => {
    const plain = new URL((await server!.createUrl())!);
    db = await openScoutDatabase({ url: plain.toString() });
    await createMigrationRunner({
      db,
      directory: defaultMigrationsDirectory(),
    }).up();
    plain.password = password;
    url = plain.toString();
    out = await mkdtemp(join(tmpdir(), 'scout-gx-'));
    // Two clean transactions as scout.promote writes them.
    await db.query(`
      insert into scout.silver_transactions (transaction_id, store_id, device_id, occurred_at,
        sale_date, payment_method, total, item_count, units, received_at)
      values
        ('00000000-0000-4000-8000-000000000001', 'S1', null, '2026-11-27T02:00:00Z',
         '2026-11-27', 'cash', 54.00, 2, 3, now()),
        ('00000000-0000-4000-8000-000000000002', 'S1', 'd1', '2026-11-27T20:00:00Z',
         '2026-11-28', 'gcash', 20.00, 1, 1, now());
      insert into scout.silver_line_items (transaction_id, line_no, sale_date, store_id, sku,
        quantity, unit_price, amount)
      values
        ('00000000-0000-4000-8000-000000000001', 1, '2026-11-27', 'S1', 'A', 2, 17.00, 34.00),
        ('00000000-0000-4000-8000-000000000001', 2, '2026-11-27', 'S1', 'B', 1, 20.00, 20.00),
        ('00000000-0000-4000-8000-000000000002', 1, '2026-11-28', 'S1', 'B', 1, 20.00, 20.00);
    `);
  });
  afterAll(async () => {
    await server!.cleanup();
    await rm(out, { recursive: true, force: true });
  });

  it('passes every expectation on clean silver, and writes both result files', async () => {
    const results = await check('clean');
    expect(results.success).toBe(true);
    expect(results.suite).toBe('scout_silver');
    expect(Object.keys(results.tables).sort()).toEqual([
      'scout.silver_line_items',
      'scout.silver_transactions',
    ]);
    const all = Object.values(results.tables).flat();
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(all.every(e => e.status === 'pass' && e.success)).toBe(true);
    expect(expectationFailures(results)).toBeUndefined();
    expect(new Date(results.validatedAt).toISOString()).toBe(
      results.validatedAt.replace(/(\.\d{3})\d*Z$/, '$1Z'),
    );
    const files = await Promise.all(
      ['results.json', 'validation.json'].map(f =>
        readFile(join(out, 'clean', f), 'utf8'),
      ),
    );
    expect(parseExpectationsResults(JSON.parse(files[0]))).toEqual(results);
    expect(JSON.parse(files[1]).validation_results).toHaveLength(2);
    expect([...files, ...lines].join('\n')).not.toContain(password);
  });

  it('reports a row that breaks an expectation, with a query that finds it', async () => {
    // Written straight into silver, past scout.promote: no rule stops it here.
    await db.query(`
      insert into scout.silver_transactions (transaction_id, store_id, device_id, occurred_at,
        sale_date, payment_method, total, item_count, units, received_at)
      values ('00000000-0000-4000-8000-00000000bad1', 'S1', null, '2026-11-27T03:00:00Z',
        '2026-11-27', 'barter', 20.00, 1, 1, now());
      insert into scout.silver_line_items (transaction_id, line_no, sale_date, store_id, sku,
        quantity, unit_price, amount)
      values ('00000000-0000-4000-8000-00000000bad1', 1, '2026-11-27', 'S1', 'B', 1, 20.00, 20.00);
    `);
    const results = await check('broken');
    expect(results.success).toBe(false);
    const failed = Object.entries(results.tables).flatMap(([table, entries]) =>
      entries.filter(e => !e.success).map(e => ({ table, ...e })),
    );
    expect(failed).toEqual([
      expect.objectContaining({
        table: 'scout.silver_transactions',
        assertion: 'expect_column_values_to_be_in_set',
        column: 'payment_method',
        status: 'fail',
        failures: 1,
        message: expect.stringContaining('barter'),
      }),
    ]);
    const { rows } = await db.query<{ transaction_id: string }>(
      failed[0].failingRowsQuery!,
    );
    expect(rows.map(r => r.transaction_id)).toEqual([
      '00000000-0000-4000-8000-00000000bad1',
    ]);
    expect(expectationFailures(results)).toMatch(
      /^scout\.silver_transactions\.payment_method: expect_column_values_to_be_in_set \(1 of 3 rows unexpected/,
    );
    expect(
      expectationTests(results).find(t => t.status === 'fail'),
    ).toMatchObject({
      model: 'scout.silver_transactions',
      source: 'great_expectations',
      failures: 1,
    });
  });

  it('throws without the password when the checkpoint cannot connect', async () => {
    const missing = new URL(url);
    missing.pathname = '/scout_no_such_database';
    await expect(
      developmentExpectations(repoRoot)({
        databaseUrl: missing.toString(),
        outDir: join(out, 'unreachable'),
        log: line => lines.push(line),
      }),
    ).rejects.toThrow(
      /^Great Expectations could not run \(exit 2\): .*scout_no_such_database/s,
    );
    expect(lines.join('\n')).not.toContain(password);
  });
});
