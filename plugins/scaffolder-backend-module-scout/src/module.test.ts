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
      'scout:migration:check',
      'scout:slo:check',
    ]);
    for (const action of actions) {
      expect(action.supportsDryRun).toBe(true);
      expect(action.examples).toHaveLength(1);
      expect(action.schema?.input).toMatchObject({ required: ['path'] });
    }
  });
});
