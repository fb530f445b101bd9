import { createMockDirectory } from '@backstage/backend-test-utils';
import { actionRunner } from '../__testUtils__/runAction';
import { createMigrationNextAction } from './migrationNext';

describe('scout:migration:next', () => {
  const applied = createMockDirectory();
  const workspace = createMockDirectory();
  const action = createMigrationNextAction({
    appliedDirectory: () => applied.path,
  });
  const runAction = actionRunner(action, () => workspace.path);

  it('numbers on from the highest applied migration, in a dry run too', async () => {
    applied.setContent({
      '0001_roles.sql': 'select 1;',
      '0011_pipeline_run_steps.sql': 'select 1;',
      'README.md': 'not a migration',
    });
    const { ctx, done } = runAction({}, true);
    await done;
    expect(ctx.output).toHaveBeenCalledWith('number', '0012');
    expect(ctx.output).toHaveBeenCalledWith('prefix', '0012_');
  });

  it('fails, naming the folder, when the applied migrations are not there', async () => {
    const lost = createMigrationNextAction({
      appliedDirectory: () => `${applied.path}/missing`,
    });
    await expect(
      actionRunner(lost, () => workspace.path)({}).done,
    ).rejects.toThrow(/missing/);
  });
});
