import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { scoutApi } from './apis';
import { pipelineEntityContent } from './entityContents';
import {
  attentionWidget,
  ingestVolumeWidget,
  lakehouseLayersWidget,
  pipelineRunsWidget,
} from './homeWidgets';
import { pipelinePage } from './pages';
import { PipelineIcon } from './PipelineIcon';
import { rootRouteRef, runRouteRef } from './routes';

export const scoutPlugin = createFrontendPlugin({
  pluginId: 'scout',
  title: 'Scout',
  icon: <PipelineIcon />,
  info: { packageJson: () => import('../package.json') },
  extensions: [
    scoutApi,
    pipelinePage,
    pipelineEntityContent,
    pipelineRunsWidget,
    ingestVolumeWidget,
    lakehouseLayersWidget,
    attentionWidget,
  ],
  routes: { root: rootRouteRef, run: runRouteRef },
});
