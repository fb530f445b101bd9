import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';

// Component names are what the home page's defaultConfig refers to.

export const pipelineRunsWidget = HomePageWidgetBlueprint.make({
  name: 'pipeline-runs',
  params: {
    name: 'ScoutPipelineRuns',
    title: 'Pipeline runs',
    description: 'The last lakehouse pipeline runs: outcome, tests, freshness',
    layout: {
      width: { minColumns: 3, defaultColumns: 6 },
      height: { minRows: 4, defaultRows: 6 },
    },
    components: () =>
      import('./components/home/ScoutPipelineRuns').then(m => ({
        Content: m.ScoutPipelineRuns,
      })),
  },
});

export const ingestVolumeWidget = HomePageWidgetBlueprint.make({
  name: 'ingest-volume',
  params: {
    name: 'ScoutIngestVolume',
    title: 'Ingest, last 24 h',
    description: 'Transactions accepted and quarantined per hour',
    layout: {
      width: { minColumns: 3, defaultColumns: 6 },
      height: { minRows: 6, defaultRows: 7 },
    },
    components: () =>
      import('./components/home/ScoutIngestVolume').then(m => ({
        Content: m.ScoutIngestVolume,
      })),
  },
});

export const lakehouseLayersWidget = HomePageWidgetBlueprint.make({
  name: 'lakehouse-layers',
  params: {
    name: 'ScoutLakehouseLayers',
    title: 'Lakehouse layers',
    description: 'Rows per medallion layer on main, with its tables',
    layout: {
      width: { minColumns: 3, defaultColumns: 6 },
      height: { minRows: 4, defaultRows: 6 },
    },
    components: () =>
      import('./components/home/ScoutLakehouseLayers').then(m => ({
        Content: m.ScoutLakehouseLayers,
      })),
  },
});

export const attentionWidget = HomePageWidgetBlueprint.make({
  name: 'attention',
  params: {
    name: 'ScoutAttention',
    title: 'Needs attention',
    description: 'Failed runs, failing tests, stale data, quarantine',
    layout: {
      width: { minColumns: 3, defaultColumns: 6 },
      height: { minRows: 3, defaultRows: 4 },
    },
    components: () =>
      import('./components/home/ScoutAttention').then(m => ({
        Content: m.ScoutAttention,
      })),
  },
});
