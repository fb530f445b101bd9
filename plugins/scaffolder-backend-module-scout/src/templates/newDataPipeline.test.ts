import SwaggerParser from '@apidevtools/swagger-parser';
import { parseBronzeEntry } from '@internal/backstage-plugin-scout-node';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import {
  dryRunTemplate,
  type DryRun,
  expectGolden,
} from '../__testUtils__/templateDryRun';

// Dry runs of templates/new-data-pipeline through the real scaffolder: the
// checks run for real (PGlite for the migrations, dbt on DuckDB), so each
// run takes seconds.
const TEMPLATE = 'new-data-pipeline';
const ROOT = resolve(__dirname, '../../../..');
const run = promisify(execFile);

const storeVisits = {
  name: 'store_visits',
  owner: 'group:default/data-engineering',
  system: 'system:default/scout-ingestion',
  sourceKind: 'function',
  fields: [
    { name: 'visit_id', type: 'uuid' },
    { name: 'store_id', type: 'code', description: 'The store visited.' },
    { name: 'visited_at', type: 'timestamp' },
    { name: 'visitors', type: 'integer' },
    { name: 'spend', type: 'amount' },
    { name: 'dwell_minutes', type: 'double' },
    { name: 'first_visit', type: 'boolean' },
    { name: 'note', type: 'text' },
  ],
  dayField: 'visited_at',
  grain: ['store_id'],
  measures: [
    { field: 'visitors', aggregate: 'sum' },
    { field: 'spend', aggregate: 'sum' },
    { field: 'dwell_minutes', aggregate: 'avg' },
    { field: 'visit_id', aggregate: 'count' },
    { field: 'visited_at', aggregate: 'max' },
  ],
  freshnessMinutes: 30,
};

// Quarantined transactions per day and reason, from the existing table.
const quarantineReasons = {
  name: 'quarantine-reasons',
  owner: 'group:default/data-engineering',
  system: 'system:default/scout-processing',
  sourceKind: 'table',
  table: 'quarantine',
  fields: [
    { name: 'transaction_id', type: 'uuid' },
    { name: 'reason', type: 'code' },
    { name: 'quarantined_at', type: 'timestamp' },
  ],
  dayField: 'quarantined_at',
  grain: ['reason'],
  measures: [{ field: 'transaction_id', aggregate: 'count' }],
  freshnessMinutes: 60,
};

const CHECKS = [
  'scout:migration:check',
  'scout:dbt:check',
  'scout:slo:check',
  'scout:catalog:check',
];

// One dry run per case, shared by the tests that read it.
const runs = new Map<object, Promise<DryRun>>();

/** A dry run that must pass; a refusal fails the test with its reasons. */
function generated(values: Record<string, unknown>) {
  if (!runs.has(values)) {
    runs.set(
      values,
      dryRunTemplate(TEMPLATE, values).then(result => {
        if (result.status === 200) return result;
        throw new Error(
          `refused (${result.status}):\n${result.log.join('\n')}`,
        );
      }),
    );
  }
  return runs.get(values)!;
}

/**
 * Runs `args` in a copy of the platform's edge-functions/ with the
 * generated files written over it (node_modules beside it, as in the
 * checkout); what it printed, or a failure that says why.
 */
async function inEdgeFunctions(files: Record<string, string>, args: string[]) {
  const scratch = await mkdtemp(join(tmpdir(), 'scout-pipeline-fn-'));
  try {
    await cp(join(ROOT, 'edge-functions'), join(scratch, 'edge-functions'), {
      recursive: true,
    });
    await cp(join(ROOT, 'package.json'), join(scratch, 'package.json'));
    await symlink(join(ROOT, 'node_modules'), join(scratch, 'node_modules'));
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(scratch, path)), { recursive: true });
      await writeFile(join(scratch, path), text);
    }
    const [file, ...rest] = args;
    const { stdout, stderr } = await run(file, rest, {
      cwd: join(scratch, 'edge-functions'),
      env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
    }).catch(e => Promise.reject(new Error(`${e.stdout}${e.stderr}`)));
    return `${stdout}${stderr}`;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The steps that ran, by action, from the dry run's log. */
const ran = (log: string[]) =>
  log.flatMap(line => /Running (\S+) in dry-run mode/.exec(line)?.[1] ?? []);

describe('templates/new-data-pipeline', () => {
  jest.setTimeout(240_000);

  it.each([
    ['function', storeVisits],
    ['table', quarantineReasons],
  ])(
    'generates a %s pipeline that every check passes',
    async (testCase, values) => {
      const result = await generated(values);
      expect(ran(result.log)).toEqual(
        expect.arrayContaining([
          'scout:pipeline:check',
          'scout:migration:next',
          'fetch:template',
          ...CHECKS,
          'scout:publish:target',
          'scout:publish:local',
        ]),
      );
      await expectGolden(TEMPLATE, testCase, result.files);
    },
  );

  it('generates the function only for a function source', async () => {
    const { files } = await generated(quarantineReasons);
    expect(
      Object.keys(files).filter(f => /^(migrations|edge-functions)\//.test(f)),
    ).toEqual([]);
  });

  it.each([
    ['function', storeVisits, 'bronze_store_visits', 'append'],
    ['table', quarantineReasons, 'quarantine', 'replace'],
  ])(
    "writes a %s pipeline's bronze load entry that the pipeline reads",
    async (_, values, from, mode) => {
      const { files } = await generated(values);
      const table = values.name.replace(/-/g, '_');
      const parsed = parseBronzeEntry(
        table,
        files[`transform/bronze/${table}.yml`],
      );
      expect(parsed).toEqual({
        entry: expect.objectContaining({ table, from, mode }),
      });
    },
  );

  it("describes the function's API in OpenAPI 3.1 that a validator takes", async () => {
    const { files } = await generated(storeVisits);
    const api = parseAllDocuments(files['catalog-info.yaml'])
      .map(d => d.toJS())
      .find(e => e.kind === 'API');
    const definition = await SwaggerParser.validate(
      parseAllDocuments(api.spec.definition)[0].toJS(),
    );
    const record = (definition as any).components.schemas.Record;
    expect(record.required).toEqual(storeVisits.fields.map(f => f.name));
    expect(record.properties.store_id).toMatchObject({
      maxLength: 64,
      description: 'The store visited.',
    });
  });

  // The golden files say what is generated; this says that it works: the
  // function type-checks against the platform's edge-functions/, and its
  // tests pass under Node and under Deno, as scripts/test.sh runs them.
  it('generates a function that type-checks and passes its tests under Node and Deno', async () => {
    const { files } = await generated(storeVisits);
    const fn = Object.fromEntries(
      Object.entries(files).filter(([p]) => p.startsWith('edge-functions/')),
    );
    const fnTest = 'ingest-store-visits/ingest-store-visits.fn-test.ts';
    const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
    await inEdgeFunctions(fn, [
      bin('tsc'),
      ...['--noEmit', '-p', 'tsconfig.build.json'],
    ]);
    const node = await inEdgeFunctions(fn, [
      process.execPath,
      ...['--require', '@backstage/cli/config/nodeTransform.cjs'],
      ...['--test', fnTest],
    ]);
    expect(node).toMatch(/# pass 5\n# fail 0/);
    const deno = await inEdgeFunctions(fn, [
      bin('deno'),
      ...['test', '--sloppy-imports', '--allow-read', '--allow-env', fnTest],
    ]);
    expect(deno).toMatch(/ok \| 1 passed \(5 steps\) \| 0 failed/);
  });

  it.each([
    [
      'an invalid name',
      { ...storeVisits, name: 'Store Visits' },
      /instance\.name does not match pattern/,
    ],
    [
      'a table source without its table',
      { ...quarantineReasons, table: undefined },
      /instance requires property "table"/,
    ],
    [
      'a field named select',
      {
        ...storeVisits,
        fields: [...storeVisits.fields, { name: 'select', type: 'text' }],
      },
      /field select: PostgreSQL does not take it as a column name \(syntax error at or near "select"\)/,
    ],
    [
      'a grain field that is not among the fields',
      { ...storeVisits, grain: ['region'] },
      /grain region is not among the fields \(visit_id, store_id/,
    ],
    [
      'a sum of a text field and a day from a number',
      {
        ...storeVisits,
        dayField: 'visitors',
        measures: [{ field: 'note', aggregate: 'sum' }],
      },
      /day field visitors: must be one of the timestamp or date fields\n.*measure sum_note: sum takes a number, and note is text/,
    ],
  ])('refuses %s before anything is written', async (_, values, reason) => {
    const result = await dryRunTemplate(TEMPLATE, values);
    expect(result.status).toBe(400);
    expect(result.log.join('\n')).toMatch(reason);
    expect(result.files).toEqual({});
  });

  it("refuses a pipeline that would not build, with the tool's own message", async () => {
    // bronze.transactions is the platform's: the new bronze table exists,
    // and PostgreSQL says so when the migration applies.
    const result = await dryRunTemplate(TEMPLATE, {
      ...storeVisits,
      name: 'transactions',
    });
    expect(result.status).toBe(400);
    expect(result.log.join('\n')).toMatch(
      /bronze_transactions\.sql does not apply: relation "bronze_transactions" already exists/,
    );
  });

  it('refuses a table source whose table or columns do not exist', async () => {
    const result = await dryRunTemplate(TEMPLATE, {
      ...quarantineReasons,
      fields: [...quarantineReasons.fields, { name: 'severity', type: 'code' }],
    });
    expect(result.status).toBe(400);
    expect(result.log.join('\n')).toMatch(
      /scout\.quarantine has no column severity/,
    );
  });
});
