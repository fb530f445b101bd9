import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabases } from '../testing/testDatabases';
import { openScoutDatabase } from './openScoutDatabase';
import { ScoutDatabase } from './types';

jest.setTimeout(60_000);

describe.each(testDatabases())('ScoutDatabase on $kind', databases => {
  let db: ScoutDatabase;

  beforeAll(async () => {
    db = await databases.create();
    await db.query(`
      create table awkward (id int primary key, t text, j jsonb, at timestamptz, n numeric(10, 2), b boolean);
      create table counter (n int not null)`);
  });

  afterAll(() => databases.cleanup(), 60_000);

  it('says which kind it is', () => {
    expect(db.kind).toBe(databases.kind);
  });

  it('runs parameterised statements and returns the same value types', async () => {
    const { rows, rowCount } = await db.query<Record<string, unknown>>(
      `select $1::int + 1 as i, count(*) as c, 1.50::numeric as n, date '2025-03-02' as d, '{"a":1}'::jsonb as j
       from generate_series(1, 3)`,
      [41],
    );
    expect(rowCount).toBe(1);
    expect(rows[0]).toEqual({
      i: 42,
      c: 3,
      n: '1.50',
      d: new Date('2025-03-02T00:00:00Z'),
      j: { a: 1 },
    });
  });

  it('runs several statements when there are no parameters, returning the last result', async () => {
    const result = await db.query('select 1 as a; select 2 as b');
    expect(result.rows).toEqual([{ b: 2 }]);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await db.transaction(tx => tx.query('insert into counter values (1)'));
    await expect(
      db.transaction(async tx => {
        await tx.query('insert into counter values (2)');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const { rows } = await db.query('select n from counter');
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('copies awkward values in and reads them back unchanged', async () => {
    const at = new Date('2025-03-02T01:30:00.123Z');
    const rows = [
      [
        1,
        'comma, "quotes" and\nnewline\r\n',
        { nested: { q: '"', list: [1, 'x,y'] } },
        at,
        12.5,
        true,
      ],
      [2, '', null, null, null, false],
      [3, null, {}, at, 0, null],
      [4, 'Mabuhay! ñ 漢字 🇵🇭 \\N \\. end', ['a', null], at, 99999999.99, true],
    ];
    await db.transaction(tx =>
      tx.copyRows('awkward', ['id', 't', 'j', 'at', 'n', 'b'], rows),
    );
    const back = await db.query(
      'select id, t, j, at, n, b from awkward order by id',
    );
    expect(back.rows).toEqual([
      { id: 1, t: rows[0][1], j: rows[0][2], at, n: '12.50', b: true },
      { id: 2, t: '', j: null, at: null, n: null, b: false },
      { id: 3, t: null, j: {}, at, n: '0.00', b: null },
      { id: 4, t: rows[3][1], j: ['a', null], at, n: '99999999.99', b: true },
    ]);
  });

  it('copies an empty batch without error', async () => {
    await expect(
      db.transaction(tx => tx.copyRows('counter', ['n'], [])),
    ).resolves.toBeUndefined();
  });

  it('rolls back a copy together with its transaction', async () => {
    await expect(
      db.transaction(async tx => {
        await tx.copyRows('counter', ['n'], [[7], [8]]);
        await tx.copyRows('counter', ['n'], [[null]]);
      }),
    ).rejects.toThrow(/null value/);
    const { rows } = await db.query(
      'select count(*) as c from counter where n > 1',
    );
    expect(rows).toEqual([{ c: 0 }]);
  });

  it('reports whether pgvector is available', async () => {
    const { rows } = await db.query<{ present: boolean }>(
      `select exists (select from pg_available_extensions where name = 'vector') as present`,
    );
    await expect(db.hasVector()).resolves.toBe(rows[0].present);
  });
});

describe('openScoutDatabase with a URL', () => {
  it('fails at once, naming the server, when it cannot connect', async () => {
    await expect(
      openScoutDatabase({ url: 'postgres://someone:secret@127.0.0.1:1/scout' }),
    ).rejects.toThrow(
      /^Could not connect to PostgreSQL at 127\.0\.0\.1:1\/scout: /,
    );
  });
});

describe('PGlite in a directory', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scout-pglite-'));
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps its data across a close and reopen', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const first = await openScoutDatabase({ dataDir });
    await first.query(
      `create table kept (v text); insert into kept values ('still here')`,
    );
    await first.close();
    const second = await openScoutDatabase({ dataDir });
    const { rows } = await second.query('select v from kept');
    await second.close();
    expect(rows).toEqual([{ v: 'still here' }]);
  });
});
