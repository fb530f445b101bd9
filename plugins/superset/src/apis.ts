import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { SupersetClient, supersetApiRef } from './api';

export const supersetApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: supersetApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => SupersetClient.create(deps),
    }),
});
