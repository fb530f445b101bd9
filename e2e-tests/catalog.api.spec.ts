import { test, expect } from '@playwright/test';
import SwaggerParser from '@apidevtools/swagger-parser';
import { parse } from 'yaml';
import { Entity, guestToken, listEntities, refOf } from './catalogClient';
import { expectedKindCounts, seedEdges, systems } from './seedEdges';

// The catalog as the running backend serves it, read once for every test.
let entities: Entity[];
// The lakehouse provider adds one Resource per table as the pipeline
// publishes them; the counts below are of the entities in catalog/.
const fromCatalogFiles = (e: Entity) =>
  !e.metadata.annotations?.['scout.io/lakehouse-table'];
let byRef: Map<string, Entity>;

test.beforeAll(async ({ request }) => {
  const token = await guestToken(request);
  // The catalog processes locations in the background after start-up; wait
  // until every entity is there and stitched (Locations have no relations).
  await expect
    .poll(
      async () => {
        entities = await listEntities(request, token);
        const stitched = entities.filter(
          e =>
            fromCatalogFiles(e) &&
            (e.kind === 'Location' || e.relations?.length),
        );
        return stitched.length;
      },
      { timeout: 60_000, message: 'catalog never finished processing' },
    )
    .toBe(expectedTotal());
  byRef = new Map(entities.map(e => [refOf(e), e]));
});

function expectedTotal() {
  return Object.values(expectedKindCounts).reduce((a, b) => a + b, 0);
}

test('the catalog loads with zero processing errors', () => {
  const problems = entities.flatMap(e =>
    (e.status?.items ?? [])
      .filter(i => i.level === 'error')
      .map(i => `${refOf(e)}: ${i.message}`),
  );
  expect(problems).toEqual([]);
});

test('entity counts by kind', () => {
  const counts: Record<string, number> = {};
  for (const e of entities.filter(fromCatalogFiles)) {
    counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  }
  expect(counts).toEqual(expectedKindCounts);
});

test('every entity has a description, and every owned kind an owner', () => {
  const owned = ['Domain', 'System', 'Component', 'Resource', 'API'];
  // The backend generates one Location per app-config entry; it is not ours.
  const ours = entities.filter(e => !e.metadata.name.startsWith('generated-'));
  const missing = ours.flatMap(e => [
    ...(e.metadata.description ? [] : [`${refOf(e)} has no description`]),
    ...(owned.includes(e.kind) && !e.relations?.some(r => r.type === 'ownedBy')
      ? [`${refOf(e)} has no owner`]
      : []),
  ]);
  expect(missing).toEqual([]);
});

test('the relations reproduce the arrows of the data-flow diagram', () => {
  const absent = seedEdges
    .filter(
      ({ from, relation, to }) =>
        !byRef
          .get(from)
          ?.relations?.some(r => r.type === relation && r.targetRef === to),
    )
    .map(e => `${e.seed}: ${e.from} ${e.relation} ${e.to}`);
  expect(absent).toEqual([]);
});

test('each layer System is part of the Scout Analytics domain', () => {
  for (const name of systems) {
    expect(byRef.get(`system:default/${name}`)?.relations).toContainEqual({
      type: 'partOf',
      targetRef: 'domain:default/scout-analytics',
    });
  }
});

test('every API carries a valid OpenAPI definition', async () => {
  const apis = entities.filter(e => e.kind === 'API');
  expect(apis.length).toBe(expectedKindCounts.API);
  for (const api of apis) {
    const doc = parse(String(api.spec?.definition));
    // validate() throws with the first schema or reference error it finds.
    await expect(
      SwaggerParser.validate(doc),
      `${api.metadata.name} has an invalid definition`,
    ).resolves.toBeTruthy();
  }
});

test('cluster workloads carry a kubernetes-id', () => {
  const inCluster = [
    'trino',
    'nessie',
    'minio',
    'dbt',
    'great-expectations',
    'superset',
    'prometheus',
    'grafana',
    'argocd',
    'opa-gatekeeper',
    'scout-portal',
  ];
  for (const name of inCluster) {
    const annotations = byRef.get(`component:default/${name}`)?.metadata
      .annotations;
    expect(annotations?.['backstage.io/kubernetes-id']).toBe(name);
  }
});
