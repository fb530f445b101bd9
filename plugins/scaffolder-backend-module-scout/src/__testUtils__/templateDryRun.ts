import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import request from 'supertest';
import { parse } from 'yaml';
import { scaffolderModuleScout } from '../module';

const ROOT = resolve(__dirname, '../../../..');
const TEMPLATES = join(ROOT, 'templates');

/** What a dry run answered; on a refusal, `log` holds the reasons. */
export type DryRun = {
  status: number;
  files: Record<string, string>;
  log: string[];
  output: unknown;
  steps: { id: string; name: string; action: string }[];
};

async function walk(dir: string, skip: (path: string) => boolean) {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (skip(full)) continue;
    if (entry.isDirectory()) found.push(...(await walk(full, skip)));
    else if (entry.isFile()) found.push(full);
  }
  return found.sort();
}

// One backend per test file (jest's module registry is per file);
// startTestBackend stops it after the file's tests.
let server: Promise<Parameters<typeof request>[0]> | undefined;

function scaffolder() {
  server ??= (async () => {
    const backend = await startTestBackend({
      features: [
        import('@backstage/plugin-scaffolder-backend'),
        scaffolderModuleScout,
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost' },
            // Dry runs need no task worker polling the task table.
            scaffolder: { concurrentTasksLimit: 0 },
            scout: { migrations: { dir: join(ROOT, 'migrations') } },
          },
        }),
        // The dry-run route looks up the initiating user in the catalog.
        catalogServiceMock.factory(),
        mockServices.permissions.factory({ result: 'ALLOW' }),
      ],
    });
    return backend.server;
  })();
  return server;
}

/** Dry-runs templates/<name>/template.yaml through the real scaffolder backend's POST /api/scaffolder/v2/dry-run. */
export async function dryRunTemplate(
  name: string,
  values: Record<string, unknown>,
): Promise<DryRun> {
  const folder = join(TEMPLATES, name);
  const template = parse(await readFile(join(folder, 'template.yaml'), 'utf8'));
  // The goldens are the expected output, not part of the template.
  const paths = await walk(folder, p => p === join(folder, 'golden'));
  const directoryContents = await Promise.all(
    paths.map(async p => ({
      path: relative(folder, p),
      base64Content: (await readFile(p)).toString('base64'),
    })),
  );
  const res = await request(await scaffolder())
    .post('/api/scaffolder/v2/dry-run')
    .set('Authorization', mockCredentials.user.header())
    .send({ template, values, secrets: {}, directoryContents });
  if (res.status !== 200) {
    // A values refusal lists JSON schema errors (`stack` is the whole
    // sentence); a failed step is one error.
    const log: string[] = res.body.errors
      ? res.body.errors.map((e: { stack: string }) => e.stack)
      : [res.body.error?.message ?? res.text];
    return {
      status: res.status,
      files: {},
      log,
      output: undefined,
      steps: [],
    };
  }
  return {
    status: res.status,
    files: Object.fromEntries(
      res.body.directoryContents.map(
        (f: { path: string; base64Content: string }) => [
          f.path,
          Buffer.from(f.base64Content, 'base64').toString('utf8'),
        ],
      ),
    ),
    log: res.body.log.map((l: { body: { message: string } }) =>
      stripVTControlCharacters(l.body.message),
    ),
    output: res.body.output,
    steps: res.body.steps.map(
      ({ id, name: stepName, action }: DryRun['steps'][number]) => ({
        id,
        name: stepName,
        action,
      }),
    ),
  };
}

/** Where two texts first differ: the line number and both lines. */
function firstDiff(expected: string, actual: string) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const i = a.findIndex((line, n) => line !== b[n]);
  const at = i === -1 ? a.length : i;
  return ` at line ${at + 1}: expected ${JSON.stringify(
    a[at] ?? '<end>',
  )}, got ${JSON.stringify(b[at] ?? '<end>')}`;
}

/** Compares `files` with templates/<name>/golden/<case>/ (rewritten when SCOUT_UPDATE_GOLDEN=1); fails naming each differing, missing or extra file. */
export async function expectGolden(
  name: string,
  testCase: string,
  files: Record<string, string>,
): Promise<void> {
  const folder = join(TEMPLATES, name, 'golden', testCase);
  if (process.env.SCOUT_UPDATE_GOLDEN === '1') {
    await rm(folder, { recursive: true, force: true });
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(folder, path)), { recursive: true });
      await writeFile(join(folder, path), text);
    }
    return;
  }
  const golden = new Map<string, string>();
  for (const p of await walk(folder, () => false).catch(() => [])) {
    golden.set(relative(folder, p), await readFile(p, 'utf8'));
  }
  const problems: string[] = [];
  for (const [path, text] of Object.entries(files).sort()) {
    const expected = golden.get(path);
    if (expected === undefined) problems.push(`extra: ${path}`);
    else if (expected !== text)
      problems.push(`differs: ${path}${firstDiff(expected, text)}`);
  }
  for (const path of golden.keys()) {
    if (!(path in files)) problems.push(`missing: ${path}`);
  }
  if (problems.length) {
    throw new Error(
      `${name} (${testCase}) does not match templates/${name}/golden/${testCase}/ (SCOUT_UPDATE_GOLDEN=1 rewrites it):\n  ${problems.join(
        '\n  ',
      )}`,
    );
  }
}
