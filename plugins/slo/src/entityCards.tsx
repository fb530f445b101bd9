import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { hasSlosFilter } from './entityContents';

/** The SLO card on the overview of every entity that lists SLOs. */
export const sloEntityCard = EntityCardBlueprint.make({
  name: 'slos',
  params: {
    filter: hasSlosFilter,
    loader: () =>
      import('./components/entity/EntitySloCard').then(m => (
        <m.EntitySloCard />
      )),
  },
});
