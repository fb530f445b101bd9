import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { LAKEHOUSE_TABLE_ANNOTATION } from '@internal/backstage-plugin-lakehouse-common';

/** The "Lakehouse" tab on the Resources that stand for a table. */
export const lakehouseEntityContent = EntityContentBlueprint.make({
  name: 'table',
  params: {
    path: '/lakehouse',
    title: 'Lakehouse',
    filter: {
      [`metadata.annotations.${LAKEHOUSE_TABLE_ANNOTATION}`]: { $exists: true },
    },
    loader: () =>
      import('./components/EntityLakehouseContent').then(m => (
        <m.EntityLakehouseContent />
      )),
  },
});
