import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  scaffolderActionsExtensionPoint,
  type TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleScout } from './module';

describe('scaffolderModuleScout', () => {
  it('adds the checks, each with its input schema, an example and dry-run support', async () => {
    const actions: TemplateAction<any, any, any>[] = [];
    await startTestBackend({
      extensionPoints: [
        [
          scaffolderActionsExtensionPoint,
          { addActions: (...added: typeof actions) => actions.push(...added) },
        ],
      ],
      features: [
        scaffolderModuleScout,
        mockServices.rootConfig.factory({
          data: { scout: { migrations: { dir: 'migrations' } } },
        }),
      ],
    });
    expect(actions.map(a => a.id).sort()).toEqual([
      'scout:catalog:check',
      'scout:catalog:wait',
      'scout:dbt:check',
      'scout:migration:check',
      'scout:migration:next',
      'scout:pipeline:check',
      'scout:publish:local',
      'scout:publish:target',
      'scout:slo:check',
    ]);
    for (const action of actions) {
      expect(action.supportsDryRun).toBe(true);
      expect(action.examples).toHaveLength(1);
    }
    // The checks of what a template wrote take its path in the workspace;
    // the dbt check's defaults to transform.
    const inputs = new Map(actions.map(a => [a.id, a.schema?.input]));
    for (const id of [
      'scout:catalog:check',
      'scout:migration:check',
      'scout:slo:check',
    ]) {
      expect(inputs.get(id)).toMatchObject({ required: ['path'] });
    }
    const dbt = inputs.get('scout:dbt:check');
    expect(dbt).toMatchObject({ properties: { path: { type: 'string' } } });
    expect(dbt?.required ?? []).not.toContain('path');
  });
});
