import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { SCOUT_PIPELINE_ANNOTATION } from '@internal/backstage-plugin-scout-client';

/** The "Pipeline" tab on the entities that make up the lakehouse pipeline. */
export const pipelineEntityContent = EntityContentBlueprint.make({
  name: 'pipeline',
  params: {
    path: '/pipeline',
    title: 'Pipeline',
    filter: {
      [`metadata.annotations.${SCOUT_PIPELINE_ANNOTATION}`]: { $exists: true },
    },
    loader: () =>
      import('./components/EntityPipelineContent').then(m => (
        <m.EntityPipelineContent />
      )),
  },
});
