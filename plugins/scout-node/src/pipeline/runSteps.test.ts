import { RunSteps } from './runSteps';
import type { RunStep } from './types';

describe('RunSteps', () => {
  it('saves each step as it starts and ends, one skipped on purpose, and skips the steps never reached', async () => {
    const saved: RunStep[][] = [];
    const steps = new RunSteps(async current => {
      saved.push(current);
    });
    await steps.run(
      'promote',
      async () => 3,
      n => `${n} promoted`,
    );
    await steps.skip('expectations', 'not checked: no URL');
    await expect(
      steps.run(
        'branch',
        async () => {
          throw new Error(`${'x'.repeat(400)}\nsecond line`);
        },
        () => 'never',
      ),
    ).rejects.toThrow(/second line/);
    expect(saved.map(s => s.map(step => step.status))).toEqual([
      ['running'],
      ['succeeded'],
      ['succeeded', 'skipped'],
      ['succeeded', 'skipped', 'running'],
      ['succeeded', 'skipped', 'failed'],
    ]);
    const final = steps.finish();
    expect(final.map(step => [step.name, step.status])).toEqual([
      ['promote', 'succeeded'],
      ['expectations', 'skipped'],
      ['branch', 'failed'],
      ['bronze', 'skipped'],
      ['freshness', 'skipped'],
      ['dbt', 'skipped'],
      ['publish', 'skipped'],
      ['release', 'skipped'],
    ]);
    expect(final[0].detail).toBe('3 promoted');
    // One line, cut short: the run's error keeps the whole message.
    expect(final[1].detail).toBe('not checked: no URL');
    expect(final[2].detail).toHaveLength(300);
    expect(final[2].detail).toMatch(/^x+…$/);
    expect(final[3]).toEqual({
      name: 'bronze',
      status: 'skipped',
      startedAt: null,
      finishedAt: null,
      detail: null,
    });
  });
});
