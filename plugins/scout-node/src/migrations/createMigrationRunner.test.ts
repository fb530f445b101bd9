import {
  appendFile,
  cp,
  mkdtemp,
  readdir,
  rm,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScoutDatabase } from '../db/types';
import { testDatabases } from '../testing/testDatabases';
import { createMigrationRunner } from './createMigrationRunner';
import { defaultMigrationsDirectory } from './migrationFiles';

jest.setTimeout(120_000);

describe.each(testDatabases())('migrations on $kind', databases => {
  const directory = defaultMigrationsDirectory();
  let files: string[];
  let db: ScoutDatabase;
  let copies: string;

  beforeAll(async () => {
    files = (await readdir(directory)).filter(f => f.endsWith('.sql')).sort();
    copies = await mkdtemp(join(tmpdir(), 'scout-migrations-'));
    db = await databases.create();
  });

  afterAll(async () => {
    await databases.cleanup();
    await rm(copies, { recursive: true, force: true });
  }, 60_000);

  async function copyOfMigrations(name: string) {
    const target = join(copies, name);
    await cp(directory, target, { recursive: true });
    return target;
  }

  it('applies every file to an empty database and records it', async () => {
    const logged: string[] = [];
    const runner = createMigrationRunner({
      db,
      directory,
      logger: { info: message => logged.push(message) },
    });
    expect((await runner.status()).map(s => s.state)).toEqual(
      files.map(() => 'pending'),
    );

    const applied = await runner.up();

    expect(applied.map(a => a.name)).toEqual(files);
    expect(logged).toHaveLength(files.length);
    const status = await runner.status();
    expect(status.map(s => [s.name, s.state])).toEqual(
      files.map(f => [f, 'applied']),
    );
    expect(status[0].appliedAt).toBeInstanceOf(Date);
    const { rows } = await db.query(
      'select name, length(checksum) as l from scout_migrations.history order by name',
    );
    expect(rows).toEqual(files.map(name => ({ name, l: 64 })));
  });

  it('does nothing when run again', async () => {
    await expect(
      createMigrationRunner({ db, directory }).up(),
    ).resolves.toEqual([]);
  });

  it('refuses to run when an applied file was changed', async () => {
    const changed = await copyOfMigrations('changed');
    await appendFile(join(changed, files[1]), '\n-- an afterthought\n');
    const runner = createMigrationRunner({ db, directory: changed });

    await expect(runner.up()).rejects.toThrow(
      `${files[1]} was changed after it was applied`,
    );
    expect((await runner.status()).find(s => s.name === files[1])?.state).toBe(
      'changed',
    );
  });

  it('refuses to run when an applied file is missing', async () => {
    const missing = await copyOfMigrations('missing');
    await rm(join(missing, files[2]));
    const runner = createMigrationRunner({ db, directory: missing });

    await expect(runner.up()).rejects.toThrow(
      `${files[2]} was applied but is no longer in ${missing}`,
    );
    expect((await runner.status()).find(s => s.name === files[2])?.state).toBe(
      'missing',
    );
  });

  it('applies a new file on top and rolls a failing one back whole', async () => {
    const more = await copyOfMigrations('more');
    await writeFile(
      join(more, '9001_extra.sql'),
      'create table scout.extra (id int);',
    );
    await writeFile(
      join(more, '9002_broken.sql'),
      'create table scout.half_done (id int);\nselect * from no_such_table;',
    );
    const runner = createMigrationRunner({ db, directory: more });

    await expect(runner.up()).rejects.toThrow('no_such_table');

    const states = Object.fromEntries(
      (await runner.status()).map(s => [s.name, s.state]),
    );
    expect(states['9001_extra.sql']).toBe('applied');
    expect(states['9002_broken.sql']).toBe('pending');
    const { rows } = await db.query(
      `select to_regclass('scout.half_done') is null as gone`,
    );
    expect(rows).toEqual([{ gone: true }]);
  });

  it('lets two runners started together apply each file exactly once', async () => {
    // On the server each runner checks out a connection of its own, as two
    // processes would; only the advisory lock keeps them apart.
    const fresh = await databases.create();
    const [first, second] = await Promise.all([
      createMigrationRunner({ db: fresh, directory }).up(),
      createMigrationRunner({ db: fresh, directory }).up(),
    ]);

    expect([...first, ...second].map(a => a.name).sort()).toEqual(files);
    expect([first.length, second.length].sort()).toEqual([0, files.length]);
    const { rows } = await fresh.query(
      'select count(*) as n from scout_migrations.history',
    );
    expect(rows).toEqual([{ n: files.length }]);
  });
});
