import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { ScoutClient, scoutApiRef } from './api';

export const scoutApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: scoutApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => ScoutClient.create(deps),
    }),
});
