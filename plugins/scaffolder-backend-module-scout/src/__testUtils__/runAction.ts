import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';

/** An action's input as the task worker hands it over: JSON. */
type Input = NonNullable<
  Parameters<typeof createMockActionContext>[0]
>['input'];

/**
 * Runs `action` on a workspace folder with `input`, as the scaffolder's
 * task worker would (`isDryRun` as its dry-run route sets it). Returns the
 * mock context, whose `output` is a jest.fn, and the handler's promise.
 */
export function actionRunner(
  action: TemplateAction<any, any, any>,
  workspacePath: () => string,
) {
  return (input: Input, isDryRun = false) => {
    const ctx = createMockActionContext({
      input,
      workspacePath: workspacePath(),
    });
    return { ctx, done: action.handler({ ...ctx, isDryRun }) };
  };
}
