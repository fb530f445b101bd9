import type { PipelineRun } from '@internal/backstage-plugin-scout-client';
import { currentStep, stepsToShow } from './steps';

const step = (
  name: PipelineRun['steps'][number]['name'],
  status: PipelineRun['steps'][number]['status'],
) => ({ name, status, startedAt: null, finishedAt: null, detail: null });

function run(
  status: PipelineRun['status'],
  steps: PipelineRun['steps'],
): PipelineRun {
  return { status, steps } as PipelineRun;
}

describe('stepsToShow', () => {
  it('puts recorded steps in pipeline order and adds the ones a running run has yet to reach', () => {
    const shown = stepsToShow(
      run('running', [
        step('bronze', 'running'),
        step('branch', 'succeeded'),
        step('promote', 'succeeded'),
      ]),
    );
    expect(shown.map(s => `${s.name}:${s.status}`)).toEqual([
      'promote:succeeded',
      'branch:succeeded',
      'bronze:running',
      'freshness:pending',
      'dbt:pending',
      'publish:pending',
      'release:pending',
    ]);
    const started = shown.filter(s => s.status !== 'pending');
    expect(
      currentStep(run('running', started as PipelineRun['steps']))?.name,
    ).toBe('bronze');
  });

  it('shows every step as pending for a run that has recorded none', () => {
    expect(stepsToShow(run('running', [])).map(s => s.status)).toEqual(
      Array(8).fill('pending'),
    );
  });

  it('shows only what a finished run recorded', () => {
    const shown = stepsToShow(
      run('failed', [step('promote', 'succeeded'), step('dbt', 'failed')]),
    );
    expect(shown.map(s => s.name)).toEqual(['promote', 'dbt']);
  });
});
