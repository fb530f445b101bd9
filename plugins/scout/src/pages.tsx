import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { PipelineIcon } from './PipelineIcon';
import { rootRouteRef } from './routes';

/** /pipeline: the run history, one page per run, and "Run now". */
export const pipelinePage = PageBlueprint.make({
  params: {
    path: '/pipeline',
    title: 'Pipeline',
    icon: <PipelineIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/PipelinePage').then(m => <m.PipelinePage />),
  },
});
