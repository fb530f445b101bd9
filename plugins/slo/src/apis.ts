import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { SloClient, sloApiRef } from './api';

export const sloApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: sloApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => SloClient.create(deps),
    }),
});
