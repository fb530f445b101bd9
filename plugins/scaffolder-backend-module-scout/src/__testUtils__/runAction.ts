import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';

/**
 * Runs `action` on a workspace folder with `input`, as the scaffolder's
 * task worker would (`isDryRun` as its dry-run route sets it). Returns the
 * mock context, whose `output` is a jest.fn, and the handler's promise.
 */
export function actionRunner(
  action: TemplateAction<any, any, any>,
  workspacePath: () => string,
) {
  return (input: Record<string, string>, isDryRun = false) => {
    const ctx = createMockActionContext({
      input,
      workspacePath: workspacePath(),
    });
    return { ctx, done: action.handler({ ...ctx, isDryRun }) };
  };
}
