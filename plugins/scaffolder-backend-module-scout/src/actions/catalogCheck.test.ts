import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  ANNOTATION_ORIGIN_LOCATION,
  type Entity,
} from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { actionRunner } from '../__testUtils__/runAction';
import { createCatalogCheckAction } from './catalogCheck';

const CATALOG = resolve(__dirname, '../../../../catalog');

const component = (
  name: string,
  extra = '',
) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  lifecycle: experimental
  owner: group:default/data-engineering
${extra}`;

describe('scout:catalog:check', () => {
  // The catalog as the action reads it; empty unless a test fills it.
  let entities: Entity[] = [];
  const action = createCatalogCheckAction({
    catalog: catalogServiceMock.mock({
      getEntitiesByRefs: async (request, options) =>
        catalogServiceMock({ entities }).getEntitiesByRefs(request, options),
    }),
  });
  const dir = createMockDirectory();
  const runAction = actionRunner(action, () => dir.path);
  const run = (path: string, isDryRun = false) => runAction({ path }, isDryRun);

  beforeEach(() => {
    dir.clear();
    entities = [];
  });

  it.each([false, true])(
    'outputs the refs of valid entities (dry run: %s)',
    async isDryRun => {
      dir.setContent({
        'catalog-info.yaml': `${component('ingest-store-visits')}---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: ingest-store-visits
spec:
  type: openapi
  lifecycle: experimental
  owner: group:default/data-engineering
  definition: "openapi: 3.0.3"
`,
      });
      const { ctx, done } = run('catalog-info.yaml', isDryRun);
      await done;
      expect(ctx.output).toHaveBeenCalledWith('entityRefs', [
        'component:default/ingest-store-visits',
        'api:default/ingest-store-visits',
      ]);
    },
  );

  it("checks software templates with the scaffolder's own schema", async () => {
    const template = (
      steps: string,
    ) => `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: new-dbt-model
spec:
  owner: group:default/data-engineering
  type: dbt-model
${steps}`;
    dir.setContent({
      'good.yaml': template(
        '  steps:\n    - id: check\n      action: scout:slo:check\n      input: { path: slos }\n',
      ),
      'bad.yaml': template('  steps: not-a-list\n'),
    });
    const { ctx, done } = run('good.yaml');
    await done;
    expect(ctx.output).toHaveBeenCalledWith('entityRefs', [
      'template:default/new-dbt-model',
    ]);
    await expect(run('bad.yaml').done).rejects.toThrow(
      /bad\.yaml document 1: Template: .*steps/,
    );
  });

  it("accepts the platform's own catalog", async () => {
    const files = readdirSync(CATALOG, { recursive: true, encoding: 'utf8' })
      .filter(f => f.endsWith('.yaml'))
      .filter(f => !f.startsWith('docs/'));
    dir.setContent(
      Object.fromEntries(
        files.map(f => [
          `catalog/${f}`,
          readFileSync(`${CATALOG}/${f}`, 'utf8'),
        ]),
      ),
    );
    const { ctx, done } = run('catalog');
    await done;
    expect(
      ((ctx.output as jest.Mock).mock.calls[0][1] as string[]).length,
    ).toBeGreaterThan(50);
  });

  it('lists every invalid entity with its file, document and reason, and outputs nothing', async () => {
    dir.setContent({
      'a.yaml': `${component('Bad Name!')}---
${component('no-owner').replace(/ {2}owner: .*\n/, '')}`,
      'b.yaml': `${component('extra')}unknownRoot: true
---
apiVersion: backstage.io/v1alpha1
kind: Pipeline
metadata:
  name: mystery
spec: {}
`,
      'c.yaml': 'kind: [unclosed',
    });
    const { ctx, done } = run('.');
    const error: Error = await done.catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(/a\.yaml document 1: .*metadata\.name/);
    expect(error.message).toMatch(/a\.yaml document 2: Component: .*owner/);
    expect(error.message).toMatch(/b\.yaml document 1: .*unknownRoot/);
    expect(error.message).toMatch(
      /b\.yaml document 2: unknown kind .*Pipeline/,
    );
    expect(error.message).toMatch(/c\.yaml document 1: /);
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it.each([false, true])(
    'refuses entities the catalog already has, naming each and where it comes from (dry run: %s)',
    async isDryRun => {
      const origin =
        'url:http://localhost:3300/scout/store-visits/catalog-info.yaml';
      entities = [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'ingest-store-visits',
            namespace: 'default',
            annotations: { [ANNOTATION_ORIGIN_LOCATION]: origin },
          },
          spec: {},
        },
      ];
      dir.setContent({
        'catalog-info.yaml': `${component('ingest-store-visits')}---
${component('store-visits-gold')}`,
      });
      const { ctx, done } = run('catalog-info.yaml', isDryRun);
      const error: Error = await done.catch(e => e);
      expect(error.name).toBe('InputError');
      expect(error.message).toBe(
        `the catalog already has component:default/ingest-store-visits (from ${origin}): the name is taken, so run the template again with another one`,
      );
      expect(ctx.output).not.toHaveBeenCalled();
    },
  );

  it('refuses a folder without entities and a path outside the workspace', async () => {
    dir.setContent({ 'empty/README.md': '' });
    await expect(run('empty').done).rejects.toThrow('holds no catalog entity');
    await expect(run('../../etc').done).rejects.toThrow();
  });
});
