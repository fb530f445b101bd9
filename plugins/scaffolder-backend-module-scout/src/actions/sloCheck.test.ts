import { createMockDirectory } from '@backstage/backend-test-utils';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { actionRunner } from '../__testUtils__/runAction';
import { createSloCheckAction } from './sloCheck';

const SPECS = resolve(
  __dirname,
  '../../../../platform-manifests/observability/slos',
);
const spec = (name: string) => readFileSync(`${SPECS}/${name}`, 'utf8');

describe('scout:slo:check', () => {
  const action = createSloCheckAction();
  const dir = createMockDirectory();
  const runAction = actionRunner(action, () => dir.path);
  const run = (path: string, isDryRun = false) => runAction({ path }, isDryRun);

  beforeEach(() => dir.clear());

  it.each([false, true])(
    'outputs the ids of valid specs (dry run: %s)',
    async isDryRun => {
      dir.setContent({
        'slos/iceberg-gold-freshness.yaml': spec('iceberg-gold-freshness.yaml'),
        'slos/ingest-doc-latency.yaml': spec('ingest-doc-latency.yaml'),
        'slos/README.md': 'not a spec',
      });
      const { ctx, done } = run('slos', isDryRun);
      await done;
      expect(ctx.output).toHaveBeenCalledWith('slos', [
        'iceberg-gold-freshness',
        'ingest-doc-latency',
      ]);
    },
  );

  it('accepts every spec the platform ships', async () => {
    const { readdirSync } = await import('node:fs');
    dir.setContent(
      Object.fromEntries(
        readdirSync(SPECS).map(name => [`slos/${name}`, spec(name)]),
      ),
    );
    const { ctx, done } = run('slos');
    await done;
    expect((ctx.output as jest.Mock).mock.calls[0][1]).toHaveLength(
      readdirSync(SPECS).length,
    );
  });

  it('refuses a bad spec with its file, path and reason, and outputs nothing', async () => {
    dir.setContent({
      'slos/iceberg-gold-freshness.yaml': spec(
        'iceberg-gold-freshness.yaml',
      ).replace('target: 0.99', 'target: 1.5'),
    });
    const { ctx, done } = run('slos');
    await expect(done).rejects.toThrow(
      /slos\/iceberg-gold-freshness\.yaml.*objectives/s,
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('refuses a spec not named after its id', async () => {
    dir.setContent({ 'slos/fresh.yaml': spec('iceberg-gold-freshness.yaml') });
    await expect(run('slos').done).rejects.toThrow(
      'the file must be named after the SLO id',
    );
  });

  it('refuses a folder without specs, a missing path and a path outside the workspace', async () => {
    dir.setContent({ 'slos/README.md': 'none here' });
    await expect(run('slos').done).rejects.toThrow('holds no SLO spec');
    await expect(run('nowhere').done).rejects.toThrow(
      'nowhere does not exist in the workspace',
    );
    await expect(run('../outside').done).rejects.toThrow(/outside/);
  });
});
