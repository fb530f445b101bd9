import { test, expect, type APIRequestContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

// The static pass checked against Trino's listener, the oracle: the test
// portal's pipeline run on Trino sent the listener's column lineage to
// /api/lineage, and left its compiled dbt manifest in
// .scout/pipeline/published. The static pass derives the same models'
// column lineage from that manifest here, and the report lists every output
// column where the two differ. Nothing is recorded in the portal.
const TRINO = 'trino://127.0.0.1:8080';
const PRODUCER = { authorization: 'Bearer scout-dev-lineage-token' };
const MANIFEST = '.scout/pipeline/published/manifest.json';
const PYTHON = '.venv/bin/python';
const PASS = 'plugins/lineage-backend/python/static_pass.py';

type InputField = { name: string; field: string };
type StaticEvent = {
  outputs: {
    name: string;
    facets?: {
      columnLineage?: { fields: Record<string, { inputFields: InputField[] }> };
    };
  }[];
};
type FieldNode = {
  data: {
    dataset: string;
    field: string;
    inputFields: { dataset: string; field: string }[];
  };
};

async function listenerFields(request: APIRequestContext, dataset: string) {
  const res = await request.get('/api/lineage/api/v1/column-lineage', {
    params: { nodeId: `dataset:${TRINO}:${dataset}`, depth: 1 },
    headers: PRODUCER,
  });
  if (res.status() === 404) return undefined;
  expect(res.status(), await res.text()).toBe(200);
  const { graph } = (await res.json()) as { graph: FieldNode[] };
  return new Map(
    graph
      .filter(n => n.data.dataset === dataset)
      .map(n => [
        n.data.field.toLowerCase(),
        new Set(n.data.inputFields.map(i => `${i.dataset}.${i.field}`)),
      ]),
  );
}

test('the static pass agrees with Trino’s listener on the Scout models', async ({
  request,
}, testInfo) => {
  test.setTimeout(300_000);
  // The run publishes a minute or two after the portal starts.
  await expect
    .poll(() => existsSync(MANIFEST), {
      timeout: 240_000,
      intervals: [5_000],
      message: `no published pipeline run left ${MANIFEST}`,
    })
    .toBe(true);
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  // The run wrote through its own catalog, run_<id>; main's is iceberg.
  const runCatalogs = new Set<string>(
    [...Object.values(manifest.nodes), ...Object.values(manifest.sources)]
      .map(n => (n as { database?: string }).database ?? '')
      .filter(db => db.startsWith('run_')),
  );
  const events = execFileSync(
    PYTHON,
    [
      PASS,
      '--manifest',
      MANIFEST,
      '--namespace',
      TRINO,
      ...[...runCatalogs].flatMap(c => ['--rename-database', `${c}=iceberg`]),
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
    .split('\n')
    .filter(Boolean)
    .map(line => JSON.parse(line) as StaticEvent)
    .filter(e => e.outputs.length);

  const lines: string[] = [];
  let compared = 0;
  let agreed = 0;
  const missingModels: string[] = [];
  for (const event of events) {
    const output = event.outputs[0];
    const derived = output.facets?.columnLineage?.fields ?? {};
    const oracle = await listenerFields(request, output.name);
    if (!oracle) {
      missingModels.push(output.name);
      continue;
    }
    for (const [field, { inputFields }] of Object.entries(derived)) {
      compared++;
      const ours = new Set(inputFields.map(i => `${i.name}.${i.field}`));
      const theirs = oracle.get(field.toLowerCase()) ?? new Set<string>();
      const onlyOurs = [...ours].filter(x => !theirs.has(x));
      const onlyTheirs = [...theirs].filter(x => !ours.has(x));
      if (!onlyOurs.length && !onlyTheirs.length) {
        agreed++;
        continue;
      }
      lines.push(
        `${output.name}.${field}: static pass only [${onlyOurs.join(
          ', ',
        )}], listener only [${onlyTheirs.join(', ')}]`,
      );
    }
  }
  const report = [
    `${agreed} of ${compared} output columns agree (${
      events.length
    } models; the listener has no lineage for: ${
      missingModels.join(', ') || 'none'
    })`,
    ...lines,
  ].join('\n');
  await testInfo.attach('lineage-oracle-report.txt', {
    body: report,
    contentType: 'text/plain',
  });
  console.log(report);

  expect(missingModels, report).toEqual([]);
  expect(compared).toBeGreaterThan(100);
  expect(
    lines.find(l =>
      l.startsWith('iceberg.gold.gold_daily_store_sales.revenue:'),
    ),
    report,
  ).toBeUndefined();
  // Where the two differ is listed above; most columns must agree.
  expect(agreed / compared, report).toBeGreaterThan(0.8);
});
