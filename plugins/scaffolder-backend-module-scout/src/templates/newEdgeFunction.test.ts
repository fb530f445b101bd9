import { execFile } from 'node:child_process';
import {
  copyFile,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse, parseAllDocuments } from 'yaml';
import { dryRunTemplate, expectGolden } from '../__testUtils__/templateDryRun';

const ROOT = resolve(__dirname, '../../../..');
const run = promisify(execFile);

// Whichever test dry-runs first starts the scaffolder backend (seconds on a
// busy machine).
jest.setTimeout(60_000);

const scoreBasket = {
  name: 'score-basket',
  description:
    'Scores a basket for the "promo" engine: one store, one receipt.',
  owner: 'group:default/data-engineering',
  system: 'system:default/scout-ingestion',
  scope: 'score',
  fields: [
    { name: 'store_id', type: 'string' },
    { name: 'basket_total', type: 'number' },
    { name: 'item_count', type: 'integer' },
    { name: 'member', type: 'boolean' },
    { name: 'transaction_id', type: 'uuid' },
    { name: 'occurred_at', type: 'date-time' },
  ],
};

/**
 * The platform's edge-functions/ in a scratch folder with `files` written
 * over it and the repository's node_modules beside it, so the generated
 * code is checked against the real _shared/ and _test/ without touching
 * the checkout.
 */
async function platformWith(files: Record<string, string>) {
  const scratch = await mkdtemp(join(tmpdir(), 'scout-edge-fn-'));
  await cp(join(ROOT, 'edge-functions'), join(scratch, 'edge-functions'), {
    recursive: true,
  });
  // Deno finds packages (and @types/node) through the root package.json.
  await copyFile(join(ROOT, 'package.json'), join(scratch, 'package.json'));
  await symlink(join(ROOT, 'node_modules'), join(scratch, 'node_modules'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(scratch, path)), { recursive: true });
    await writeFile(join(scratch, path), text);
  }
  return scratch;
}

// What a failed command printed, so a failure says why.
async function succeeds(file: string, args: string[], cwd: string) {
  const env = { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' };
  try {
    return (await run(file, args, { cwd, env, maxBuffer: 10_000_000 })).stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${file} ${args.join(' ')} failed:\n${stdout}${stderr}`);
  }
}

describe('templates/new-edge-function', () => {
  it('generates the function, its tests, a Bruno request and the catalog entities', async () => {
    const result = await dryRunTemplate('new-edge-function', scoreBasket);
    // On a refusal, the log says why.
    expect({ status: result.status, log: result.log }).toMatchObject({
      status: 200,
    });
    expect(result.steps.map(s => s.action)).toEqual([
      'fetch:template',
      'scout:catalog:check',
      'scout:publish:target',
      'publish:gitea',
      'scout:publish:local',
      'catalog:register',
      'scout:catalog:wait',
    ]);
    await expectGolden('new-edge-function', 'score-basket', result.files);
  });

  it('describes the function in an OpenAPI definition that matches its zod schema', async () => {
    const { files } = await dryRunTemplate('new-edge-function', scoreBasket);
    const [component, api] = parseAllDocuments(files['catalog-info.yaml']).map(
      d => d.toJS(),
    );
    expect(component.spec).toMatchObject({
      type: 'edge-function',
      owner: 'group:default/data-engineering',
      system: 'system:default/scout-ingestion',
      providesApis: ['score-basket-api'],
    });
    expect(api.metadata.name).toBe('score-basket-api');
    const definition = parse(api.spec.definition);
    expect(definition.openapi).toBe('3.1.0');
    expect(Object.keys(definition.paths)).toEqual(['/score-basket']);
    const input = definition.components.schemas.Input;
    expect(input.required).toEqual(scoreBasket.fields.map(f => f.name));
    expect(input.properties).toEqual({
      store_id: { type: 'string' },
      basket_total: { type: 'number' },
      item_count: { type: 'integer' },
      member: { type: 'boolean' },
      transaction_id: { type: 'string', format: 'uuid' },
      occurred_at: { type: 'string', format: 'date-time' },
    });
    expect(input.additionalProperties).toBe(false);
  });

  // The golden files say what is generated; this says that it works: the
  // function type-checks against the platform's edge-functions/ and its own
  // tests pass under Node and under Deno, as scripts/test.sh runs them.
  it('generates code that type-checks against the platform and passes its tests under Node and Deno', async () => {
    const { files } = await dryRunTemplate('new-edge-function', scoreBasket);
    const scratch = await platformWith(files);
    try {
      const fnTest = 'score-basket/score-basket.fn-test.ts';
      await succeeds(
        join(ROOT, 'node_modules/.bin/tsc'),
        ['--noEmit', '-p', 'edge-functions/tsconfig.build.json'],
        scratch,
      );
      const node = await succeeds(
        process.execPath,
        [
          '--require',
          '@backstage/cli/config/nodeTransform.cjs',
          '--test',
          join(scratch, 'edge-functions', fnTest),
        ],
        ROOT,
      );
      expect(node).toMatch(/# pass 4\n# fail 0/);
      const deno = await succeeds(
        join(ROOT, 'node_modules/.bin/deno'),
        ['test', '--sloppy-imports', '--allow-read', '--allow-env', fnTest],
        join(scratch, 'edge-functions'),
      );
      expect(deno).toMatch(/ok \| 1 passed \(4 steps\) \| 0 failed/);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }, 120_000);

  it.each([
    ['ScoreBasket', /instance.name does not match pattern/],
    ['score_basket', /instance.name does not match pattern/],
    ['-score', /instance.name does not match pattern/],
  ])('refuses the name %s', async (name, reason) => {
    const result = await dryRunTemplate('new-edge-function', {
      ...scoreBasket,
      name,
    });
    expect(result.status).toBe(400);
    expect(result.log.join('\n')).toMatch(reason);
  });

  it('refuses the name of every folder edge-functions/ already has', async () => {
    const folders = (
      await readdir(join(ROOT, 'edge-functions'), { withFileTypes: true })
    )
      .filter(e => e.isDirectory() && e.name !== 'node_modules')
      .map(e => e.name);
    expect(folders).toEqual(expect.arrayContaining(['ingest-transaction']));
    for (const name of folders) {
      const result = await dryRunTemplate('new-edge-function', {
        ...scoreBasket,
        name,
      });
      expect({ name, status: result.status }).toEqual({ name, status: 400 });
      expect(result.log.join('\n')).toMatch(/instance.name does not match/);
    }
  });

  it('refuses an invalid scope', async () => {
    const result = await dryRunTemplate('new-edge-function', {
      ...scoreBasket,
      scope: 'Score Basket',
    });
    expect(result.status).toBe(400);
    expect(result.log).toEqual([
      'instance.scope does not match pattern "^[a-z][a-z0-9:._-]*$"',
    ]);
  });

  it('refuses a field type it cannot check', async () => {
    const result = await dryRunTemplate('new-edge-function', {
      ...scoreBasket,
      fields: [{ name: 'payload', type: 'object' }],
    });
    expect(result.status).toBe(400);
    expect(result.log).toEqual([
      'instance.fields[0].type is not one of enum values: string,number,integer,boolean,uuid,date-time',
    ]);
  });
});
