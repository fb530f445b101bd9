import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { LineageClient, lineageApiRef } from './api';

export const lineageApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: lineageApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => LineageClient.create(deps),
    }),
});
