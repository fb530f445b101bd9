import { createMockDirectory } from '@backstage/backend-test-utils';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { actionRunner } from '../__testUtils__/runAction';
import { createMigrationCheckAction } from './migrationCheck';

// The platform's real migrations are "applied"; the workspace holds only
// what a template added. Each passing check applies the applied and the new
// files to a scratch PGlite, as the action does in a run.
const APPLIED = resolve(__dirname, '../../../../migrations');
const appliedFiles = Object.fromEntries(
  readdirSync(APPLIED)
    .filter(n => n.endsWith('.sql'))
    .map(n => [`migrations/${n}`, readFileSync(`${APPLIED}/${n}`, 'utf8')]),
);
const next = String(Object.keys(appliedFiles).length + 1).padStart(4, '0');

const BRONZE_VISITS = `-- Bronze store visits, as a template generates them.
create table scout.bronze_store_visits (
  id bigint generated always as identity primary key,
  store_id text not null,
  payload jsonb not null,
  received_at timestamptz not null default now()
);
alter table scout.bronze_store_visits enable row level security;
create policy bronze_store_visits_service on scout.bronze_store_visits
  to service_role using (true) with check (true);
`;

describe('scout:migration:check', () => {
  jest.setTimeout(60_000);
  const action = createMigrationCheckAction({
    appliedDirectory: () => APPLIED,
  });
  const dir = createMockDirectory();
  const runAction = actionRunner(action, () => dir.path);
  const run = (files: Record<string, string>, isDryRun = false) => {
    dir.setContent(files);
    return runAction({ path: 'migrations' }, isDryRun);
  };

  beforeEach(() => dir.clear());

  // A dry run checks the same way: the check writes nothing of its own.
  it('passes a new bronze table numbered on, applied to a scratch database, in a dry run', async () => {
    const { ctx, done } = run(
      { [`migrations/${next}_bronze_store_visits.sql`]: BRONZE_VISITS },
      true,
    );
    await done;
    expect(ctx.output).toHaveBeenCalledWith('added', [
      `${next}_bronze_store_visits.sql`,
    ]);
  });

  it('takes an applied file that is unchanged, and a workspace without migrations', async () => {
    const [first] = Object.keys(appliedFiles);
    const unchanged = run({ [first]: appliedFiles[first] });
    await unchanged.done;
    expect(unchanged.ctx.output).toHaveBeenCalledWith('added', []);
    const none = run({ 'transform/models/x.sql': 'select 1' });
    await none.done;
    expect(none.ctx.output).toHaveBeenCalledWith('added', []);
  });

  it('checks that the tables a pipeline reads exist with their columns', async () => {
    dir.setContent({
      [`migrations/${next}_bronze_store_visits.sql`]: BRONZE_VISITS,
    });
    const tables = (name: string, columns: string[]) => [
      { name, columns: columns.map(c => ({ name: c })) },
    ];
    await runAction({
      path: 'migrations',
      tables: tables('scout.bronze_store_visits', ['store_id', 'payload']),
    }).done;
    const error: Error = await runAction({
      path: 'migrations',
      tables: [
        ...tables('scout.bronze_store_visits', ['store_id', 'visitors']),
        ...tables('scout.store_visits', []),
      ],
    }).done.catch(e => e);
    expect(error.message).toMatch(
      /scout\.bronze_store_visits has no column visitors\n.*scout\.store_visits does not exist once the migrations apply/,
    );
  });

  it('refuses a migration that does not apply, naming it and the database error', async () => {
    const { ctx, done } = run({
      [`migrations/${next}_visits_index.sql`]:
        'create index on scout.bronze_store_visits (store_id);',
    });
    await expect(done).rejects.toThrow(
      new RegExp(
        `${next}_visits_index\\.sql does not apply: .*bronze_store_visits.* does not exist`,
      ),
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('refuses a syntax error with its line and column before applying anything', async () => {
    await expect(
      run({
        [`migrations/${next}_visits.sql`]: BRONZE_VISITS.replace(
          'not null,\n  payload',
          'not null\n  payload',
        ),
      }).done,
    ).rejects.toThrow(
      new RegExp(`${next}_visits\\.sql:5:3: syntax error at or near "payload"`),
    );
  });

  it('refuses an edited applied migration and a number out of sequence, listing both', async () => {
    const [first] = Object.keys(appliedFiles);
    const error: Error = await run({
      [first]: `${appliedFiles[first]}\n-- edited`,
      [`migrations/${String(Number(next) + 1).padStart(4, '0')}_visits.sql`]:
        BRONZE_VISITS,
    }).done.catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(/is applied and may not change/);
    expect(error.message).toMatch(/numbers run .* expected/);
  });

  it('refuses a path outside the workspace', async () => {
    dir.setContent({});
    await expect(runAction({ path: '../migrations' }).done).rejects.toThrow(
      /outside|escape|relative/i,
    );
  });
});
