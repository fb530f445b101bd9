import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  developmentDbt,
  repositoryRoot,
} from '@internal/backstage-plugin-scout-node';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { actionRunner } from '../__testUtils__/runAction';
import { createDbtCheckAction } from './dbtCheck';

// The real dbt (scripts/dbt: the project venv) on the real transform/
// project; each run parses it (about 5 s) and most build on an empty
// DuckDB (about 5 s more).

// A template's new pair: silver over a source it declares (with column
// types, as a generated source entry has them), gold joining it to the
// platform's silver_stores, which reads the platform's bronze.stores.
const SILVER = `select store_id, cast(visited_at as date) as visit_date, minutes
from {{ source('bronze', 'store_visits') }}
`;
const SILVER_YML = `version: 2
sources:
  - name: bronze
    tables:
      - name: store_visits
        columns:
          - { name: store_id, data_type: varchar }
          - { name: visited_at, data_type: timestamp(6) with time zone }
          - { name: minutes, data_type: integer }
models:
  - name: silver_store_visits
    description: One row per store visit.
    columns:
      - name: store_id
        data_tests: [not_null]
`;
const GOLD = `select v.visit_date, s.region_code, count(*) as visits, sum(v.minutes) as minutes
from {{ ref('silver_store_visits') }} as v
join {{ ref('silver_stores') }} as s on s.store_id = v.store_id
group by v.visit_date, s.region_code
`;
const GOLD_YML = `version: 2
models:
  - name: gold_store_visits
    description: Visits per region and day.
    data_tests:
      - row_count_at_least: { arguments: { min_rows: 1 } }
    columns:
      - name: visit_date
        data_tests: [not_null]
`;
const PAIR = {
  'transform/models/silver/silver_store_visits.sql': SILVER,
  'transform/models/silver/silver_store_visits.yml': SILVER_YML,
  'transform/models/gold/gold_store_visits.sql': GOLD,
  'transform/models/gold/gold_store_visits.yml': GOLD_YML,
};

describe('scout:dbt:check', () => {
  jest.setTimeout(180_000);
  const action = createDbtCheckAction({
    dbt: () => developmentDbt(repositoryRoot()),
  });
  const dir = createMockDirectory();
  // The check's scratch folders go to os.tmpdir(): here, a folder of this
  // test's own, as other suites run the check at the same time.
  const tmp = createMockDirectory();
  const runAction = actionRunner(action, () => dir.path);
  const run = (files: Record<string, string>, isDryRun = false) => {
    dir.setContent(files);
    return runAction({ path: 'transform' }, isDryRun);
  };

  beforeEach(() => dir.clear());

  // row_count_at_least fails on empty inputs: the template leaves it out.
  it('builds a new silver and gold pair with the platform project and removes its scratch folder', async () => {
    dir.setContent(PAIR);
    tmp.setContent({});
    const ctx = createMockActionContext({
      input: { path: 'transform', exclude: ['test_name:row_count_at_least'] },
      workspacePath: dir.path,
    });
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp.path;
    try {
      await action.handler(ctx);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(ctx.output).toHaveBeenCalledWith('models', [
      'model.scout.gold_store_visits',
      'model.scout.silver_store_visits',
    ]);
    const seconds = jest
      .mocked(ctx.output)
      .mock.calls.find(([name]) => name === 'seconds')?.[1];
    expect(seconds).toBeGreaterThan(0);
    expect(readdirSync(tmp.path)).toEqual([]);
  });

  it("refuses a ref to a model that does not exist at dbt parse, with dbt's message", async () => {
    const error: Error = await run({
      ...PAIR,
      'transform/models/gold/gold_store_visits.sql': GOLD.replace(
        "ref('silver_store_visits')",
        "ref('silver_store_visit')",
      ),
    }).done.catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(/^dbt parse fails/);
    expect(error.message).toContain(
      "depends on a node named 'silver_store_visit' which was not found",
    );
  });

  // A dry run builds the same way: the check writes only its scratch
  // folder. Both faults in one build: dbt reports each node that fails.
  it("refuses a SQL syntax error and a failing test in a dry run, naming each with dbt's message", async () => {
    const { ctx, done } = run(
      {
        ...PAIR,
        'transform/models/gold/gold_store_visit_minutes.sql': GOLD.replace(
          'count(*) as visits,',
          'count(*) as visits',
        ),
        'transform/tests/gold_store_visits_has_rows.sql': `-- Fails while gold_store_visits is empty.
select 1 as missing_rows
where not exists (select 1 from {{ ref('gold_store_visits') }})
`,
      },
      true,
    );
    const error: Error = await done.catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(
      /model gold_store_visit_minutes \(models\/gold\/gold_store_visit_minutes\.sql\): .*syntax error at or near "sum"/s,
    );
    expect(error.message).toMatch(
      /test gold_store_visits_has_rows \(tests\/gold_store_visits_has_rows\.sql\): Got 1 result, configured to fail if != 0/,
    );
    // Without exclude, a test that needs rows fails too.
    expect(error.message).toMatch(
      /test row_count_at_least_gold_store_visits_1 \(models\/gold\/gold_store_visits\.yml\): Got 1 result/,
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('refuses to replace a platform model unless told it may, naming the file', async () => {
    const platform = developmentDbt(repositoryRoot()).projectDir;
    const file = 'models/gold/gold_daily_store_sales.sql';
    const changed = `${readFileSync(
      join(platform, file),
      'utf8',
    )}\n-- edited\n`;
    dir.setContent({ [`transform/${file}`]: changed });
    await expect(runAction({ path: 'transform' }, true).done).rejects.toThrow(
      `transform would replace 1 file(s) of the platform's dbt project; a new model needs a name of its own:\n  ${file}`,
    );
    await expect(
      runAction(
        {
          path: 'transform',
          replaces: true,
          exclude: ['test_name:row_count_at_least'],
        },
        true,
      ).done,
    ).resolves.toBeUndefined();
    // The same file unchanged replaces nothing.
    dir.setContent({
      [`transform/${file}`]: readFileSync(join(platform, file), 'utf8'),
    });
    await expect(
      runAction({ path: 'transform' }, true).done,
    ).resolves.toBeUndefined();
  });

  it('refuses a path outside the workspace, a missing folder and files it will not run', async () => {
    dir.setContent({ 'models/gold/gold_x.py': 'def model(dbt, s): pass' });
    await expect(runAction({ path: '../transform' }).done).rejects.toThrow(
      /outside/,
    );
    await expect(runAction({}).done).rejects.toThrow(
      'transform is not a folder in the workspace',
    );
    await expect(runAction({ path: '.' }).done).rejects.toThrow(
      'models/gold/gold_x.py: Python models are not checked',
    );
  });
});
