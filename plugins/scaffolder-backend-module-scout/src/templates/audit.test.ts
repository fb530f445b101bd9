import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { AddLocationResponse } from '@backstage/catalog-client';
import type { CompoundEntityRef, Entity } from '@backstage/catalog-model';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { scaffolderModuleScout } from '../module';

// A real run (not a dry run) of templates/new-edge-function through the
// scaffolder's task API and task worker, to the portal's local Git (no
// Gitea is configured here): the scaffolder writes an auditor event when
// the run is created and when it executes, each naming the template, and
// the execution's names the runner.

const ROOT = resolve(__dirname, '../../../..');
const TEMPLATE_FILE = join(ROOT, 'templates/new-edge-function/template.yaml');
const RUNNER = 'user:default/ana.cruz';

let gitDir: string;
beforeAll(async () => {
  gitDir = await mkdtemp(join(tmpdir(), 'scout-audit-git-'));
});
afterAll(() => rm(gitDir, { recursive: true, force: true }));

/** The catalog as the run needs it: the template, with its file location. */
async function catalog() {
  const template = parse(await readFile(TEMPLATE_FILE, 'utf8'));
  template.metadata.namespace = 'default';
  template.metadata.annotations = {
    'backstage.io/managed-by-location': `file:${TEMPLATE_FILE}`,
    'backstage.io/managed-by-origin-location': `file:${TEMPLATE_FILE}`,
  };
  const probe = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'audit-probe', namespace: 'default' },
  };
  // The probe's name is free until the run registers it (scout:catalog:check
  // refuses a taken one); then it is "processed" at once, so
  // scout:catalog:wait finds it.
  const client = new InMemoryCatalogClient({ entities: [template] });
  let registered = false;
  const getEntityByRef = client.getEntityByRef.bind(client);
  client.getEntityByRef = async (ref: string | CompoundEntityRef) =>
    registered && ref === 'component:default/audit-probe'
      ? (probe as Entity)
      : getEntityByRef(ref);
  // What scout:publish:local registers; the in-memory client has no locations.
  client.addLocation = async (location): Promise<AddLocationResponse> => {
    registered ||= !location.dryRun;
    return {
      location: {
        id: 'local',
        type: location.type ?? 'url',
        target: location.target,
        entityRef: 'location:default/audit-probe',
      },
      // As the catalog answers: the entities in a dry run only.
      entities: location.dryRun ? [probe] : [],
    };
  };
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => client as any,
  });
}

it('writes auditor events for a run: created and executed, with the template and the runner', async () => {
  const auditor = mockServices.auditor.mock();
  const { server } = await startTestBackend({
    features: [
      import('@backstage/plugin-scaffolder-backend'),
      scaffolderModuleScout,
      mockServices.rootConfig.factory({
        data: {
          backend: { baseUrl: 'http://localhost' },
          scout: {
            migrations: { dir: join(ROOT, 'migrations') },
            templates: { localGitDir: gitDir },
          },
        },
      }),
      await catalog(),
      mockServices.permissions.factory({ result: 'ALLOW' }),
      auditor.factory,
    ],
  });
  const auth = mockCredentials.user.header(RUNNER);
  const created = await request(server)
    .post('/api/scaffolder/v2/tasks')
    .set('Authorization', auth)
    .send({
      templateRef: 'template:default/new-edge-function',
      values: {
        name: 'audit-probe',
        description: 'Probes the audit trail.',
        owner: 'group:default/platform-team',
        system: 'system:default/scout-ingestion',
        scope: 'ingest',
        fields: [{ name: 'store_id', type: 'string' }],
      },
    });
  expect(created.status).toBe(201);
  const taskId = created.body.id;

  let status = 'open';
  for (let i = 0; i < 300 && !['completed', 'failed'].includes(status); i++) {
    await new Promise(r => setTimeout(r, 200));
    status = (
      await request(server)
        .get(`/api/scaffolder/v2/tasks/${taskId}`)
        .set('Authorization', auth)
    ).body.status;
  }
  expect(status).toBe('completed');

  const metas = (auditor.createEvent as jest.Mock).mock.calls
    .map(([event]) => event)
    .filter(event => event.eventId === 'task')
    .map(event => event.meta);
  expect(metas).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        actionType: 'create',
        templateRef: 'template:default/new-edge-function',
      }),
      expect.objectContaining({
        actionType: 'execution',
        taskId,
        createdBy: RUNNER,
        templateRef: 'template:default/new-edge-function',
      }),
    ]),
  );
  // Published to the local Git: the run did reach its last step.
  expect(
    await readFile(join(gitDir, 'audit-probe', 'catalog-info.yaml'), 'utf8'),
  ).toContain('name: audit-probe');
}, 120_000);
