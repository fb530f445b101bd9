import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { CATALOG_SLOS_ANNOTATION } from '@internal/backstage-plugin-slo-common';

/** Entities an SLO covers: their `scout.io/slos` annotation lists its id. */
export const hasSlosFilter = {
  [`metadata.annotations.${CATALOG_SLOS_ANNOTATION}`]: { $exists: true },
};

/** The "SLOs" tab, on every entity that lists SLOs. */
export const sloEntityContent = EntityContentBlueprint.make({
  name: 'slos',
  params: {
    path: '/slos',
    title: 'SLOs',
    filter: hasSlosFilter,
    loader: () =>
      import('./components/entity/EntitySloContent').then(m => (
        <m.EntitySloContent />
      )),
  },
});
