import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testDatabases } from '../testing/testDatabases';
import { asRole, withClaims } from './claims';
import { openScoutDatabase } from './openScoutDatabase';
import { ScoutDatabase } from './types';

jest.setTimeout(120_000);

const ANA = { role: 'authenticated', sub: 'user:default/ana.cruz' } as const;
const countBronze = 'select count(*)::int as n from scout.bronze_transactions';

describe.each(testDatabases())('withClaims on $kind', databases => {
  let db: ScoutDatabase;

  beforeAll(async () => {
    db = await databases.createMigrated();
    await db.query(`
      insert into scout.bronze_transactions (transaction_id, payload, source, request_id)
      values ('00000000-0000-4000-8000-000000000001', '{}', 'test', 'r1')`);
    await db.query(`
      insert into scout.silver_transactions values
        ('00000000-0000-4000-8000-000000000001', 'S1', null, '2025-03-02T01:00:00Z', '2025-03-02', 'cash', 10, 1, 1, now())`);
  });
  afterAll(() => databases.cleanup(), 60_000);

  it("runs as the claimed role, with the caller's claims for the policies", async () => {
    const { rows } = await withClaims(db, ANA, tx =>
      tx.query<{ role: string; claims: unknown }>(
        `select current_user as role,
                current_setting('request.jwt.claims')::jsonb as claims`,
      ),
    );
    expect(rows).toEqual([{ role: 'authenticated', claims: ANA }]);
  });

  it('runs every statement of an asRole database under the claims', async () => {
    const service = asRole(db, {
      role: 'service_role',
      sub: 'scout-edge-functions',
    });
    const { rows } = await service.query<{ role: string }>(
      'select current_user as role',
    );
    expect(rows).toEqual([{ role: 'service_role' }]);
    const inTx = await service.transaction(tx =>
      tx.query<{ role: string }>('select current_user as role'),
    );
    expect(inTx.rows).toEqual([{ role: 'service_role' }]);
  });

  it('cannot see bronze, which the owner and service_role can', async () => {
    await expect(
      withClaims(db, ANA, tx => tx.query(countBronze)),
    ).rejects.toThrow(/permission denied for table bronze_transactions/);
    expect((await db.query<{ n: number }>(countBronze)).rows[0].n).toBe(1);
    const asService = await withClaims(
      db,
      { role: 'service_role', sub: 'plugin:scout' },
      tx => tx.query<{ n: number }>(countBronze),
    );
    expect(asService.rows[0].n).toBe(1);
    // Silver is granted and has a policy for authenticated: its row shows.
    const silver = await withClaims(db, ANA, tx =>
      tx.query<{ n: number }>(
        'select count(*)::int as n from scout.silver_transactions',
      ),
    );
    expect(silver.rows[0].n).toBe(1);
  });

  it('sees no bronze row even with a grant: row-level security has no policy for authenticated', async () => {
    await db.query(
      'grant select on scout.bronze_transactions to authenticated',
    );
    try {
      const { rows } = await withClaims(db, ANA, tx =>
        tx.query<{ n: number }>(countBronze),
      );
      expect(rows[0].n).toBe(0);
    } finally {
      await db.query(
        'revoke select on scout.bronze_transactions from authenticated',
      );
    }
  });

  it('leaves role and claims behind with the transaction', async () => {
    const before = await db.query<{ role: string }>(
      'select current_user as role',
    );
    await withClaims(db, ANA, async () => undefined);
    await expect(
      withClaims(db, ANA, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await db.query<{ role: string; claims: string | null }>(
      `select current_user as role,
              nullif(current_setting('request.jwt.claims', true), '') as claims`,
    );
    expect(rows).toEqual([{ role: before.rows[0].role, claims: null }]);
  });

  it('refuses any role but authenticated and service_role', () => {
    expect(() =>
      withClaims(
        db,
        { role: 'postgres' as 'authenticated', sub: 'x' },
        async () => undefined,
      ),
    ).toThrow('withClaims: role must be one of authenticated, service_role');
  });

  // PGlite's COPY reads a server file device, which only its superuser may
  // read; the data plane keeps PGlite's writes as the owner for that reason.
  if (databases.kind === 'postgres') {
    it('lets service_role COPY into bronze, which has row-level security (migration 0010)', async () => {
      const service = asRole(db, { role: 'service_role', sub: 'test' });
      await service.transaction(tx =>
        tx.copyRows(
          'scout.bronze_transactions',
          ['transaction_id', 'payload', 'source', 'request_id'],
          [['00000000-0000-4000-8000-0000000000c0', {}, 'test', 'r-copy']],
        ),
      );
      const { rows } = await db.query<{ n: number }>(
        `${countBronze} where request_id = 'r-copy'`,
      );
      expect(rows[0].n).toBe(1);
    });
  }

  if (databases.kind === 'postgres') {
    it('tells an owner who is not a member of the role which grant is missing', async () => {
      const url = new URL(process.env.SCOUT_TEST_DATABASE_URL!);
      const login = `scout_t_login_${randomBytes(4).toString('hex')}`;
      const admin = new Client({ connectionString: url.toString() });
      await admin.connect();
      await admin.query(`create role ${login} login`);
      url.username = login;
      const asLogin = await openScoutDatabase({ url: url.toString() });
      try {
        await expect(
          withClaims(asLogin, ANA, tx => tx.query('select 1')),
        ).rejects.toThrow(
          /scout\.database\.url\) may not act as authenticated: run "grant authenticated to <that login>"/,
        );
      } finally {
        await asLogin.close();
        await admin.query(`drop role ${login}`);
        await admin.end();
      }
    });
  }
});
