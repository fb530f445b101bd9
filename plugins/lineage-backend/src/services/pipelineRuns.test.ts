import { mockServices } from '@backstage/backend-test-utils';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import {
  LINEAGE_UPDATED_TOPIC,
  PIPELINE_RUN_TOPIC,
  type PipelineRunEventPayload,
} from '@internal/backstage-plugin-scout-node';
import { subscribeToPipelineRuns } from './pipelineRuns';

const pipeline = {
  namespace: 'duckdb://lakehouse',
  renameDatabase: { scout: 'lakehouse' },
};
const result = {
  models: 11,
  fields: 119,
  warnings: [],
  seconds: 0.2,
  events: 15,
  recorded: 15,
};

async function subscribed(importFiles: jest.Mock) {
  const logger = mockServices.logger.mock();
  const events = DefaultEventsService.create({ logger });
  const announced: unknown[] = [];
  await events.subscribe({
    id: 'test',
    topics: [LINEAGE_UPDATED_TOPIC],
    onEvent: async ({ eventPayload }) => {
      announced.push(eventPayload);
    },
  });
  await subscribeToPipelineRuns({
    events,
    importer: { importFiles },
    pipeline,
    logger,
  });
  const publish = (payload: PipelineRunEventPayload) =>
    events.publish({ topic: PIPELINE_RUN_TOPIC, eventPayload: payload });
  return { publish, logger, announced };
}

const run = (
  over: Partial<PipelineRunEventPayload>,
): PipelineRunEventPayload => ({
  runId: '20261201-070000-abcd',
  engine: 'duckdb',
  status: 'published',
  finishedAt: '2026-12-01T07:00:00Z',
  artifactsDir: '/repo/.scout/pipeline/published',
  ...over,
});

describe('subscribeToPipelineRuns', () => {
  it('derives lineage from each published DuckDB run and nothing else', async () => {
    const importFiles = jest.fn().mockResolvedValue(result);
    const { publish, announced } = await subscribed(importFiles);
    await publish(run({}));
    expect(importFiles).toHaveBeenCalledWith({
      manifestPath: '/repo/.scout/pipeline/published/manifest.json',
      runResultsPath: '/repo/.scout/pipeline/published/run_results.json',
      sqlJobs: expect.arrayContaining([
        expect.objectContaining({
          name: 'bronze load transactions',
          output: 'scout.bronze.transactions',
        }),
      ]),
      ...pipeline,
    });
    // New lineage is announced, for the catalog's lakehouse tables.
    expect(announced).toEqual([
      { runId: '20261201-070000-abcd', recorded: 15 },
    ]);
    // Trino's runs send their own events; failed runs published nothing.
    await publish(run({ engine: 'trino' }));
    await publish(run({ status: 'failed' }));
    await publish(run({ artifactsDir: undefined }));
    expect(importFiles).toHaveBeenCalledTimes(1);
  });

  it('logs a failed pass and keeps listening', async () => {
    const importFiles = jest
      .fn()
      .mockRejectedValueOnce(new Error('no sqlglot'))
      .mockResolvedValue(result);
    const { publish, logger } = await subscribed(importFiles);
    await publish(run({}));
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('failed: Error: no sqlglot'),
    );
    await publish(run({ runId: 'next' }));
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('lineage: pipeline run next: 11 models'),
    );
  });
});
