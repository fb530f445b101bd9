import { createMockDirectory } from '@backstage/backend-test-utils';
import { actionRunner } from '../__testUtils__/runAction';
import { createPipelineCheckAction } from './pipelineCheck';

describe('scout:pipeline:check', () => {
  const workspace = createMockDirectory();
  const runAction = actionRunner(
    createPipelineCheckAction(),
    () => workspace.path,
  );
  const fields = [
    { name: 'store_id', type: 'code', description: 'The store visited.' },
    { name: 'visited_at', type: 'timestamp' },
  ];

  it("passes a template's values as they are, in a dry run too", async () => {
    const { done } = runAction(
      { fields, dayField: 'visited_at', grain: ['store_id'], measures: [] },
      true,
    );
    await expect(done).resolves.toBeUndefined();
  });

  it('refuses with every problem listed, as an input error', async () => {
    const error: Error = await runAction({
      fields: [...fields, { name: 'select', type: 'text' }],
      dayField: 'store_id',
      grain: ['region'],
      measures: [],
    }).done.catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message.split('\n')).toEqual([
      "the pipeline's values do not check:",
      expect.stringMatching(/^ {2}field select: PostgreSQL does not take it/),
      '  day field store_id: must be one of the timestamp or date fields',
      '  grain region is not among the fields (store_id, visited_at, select)',
    ]);
  });
});
