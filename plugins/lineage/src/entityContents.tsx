import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { LAKEHOUSE_TABLE_ANNOTATION } from '@internal/backstage-plugin-lakehouse-common';

/** Component types whose jobs write lakehouse datasets (catalog/*.yaml). */
export const PIPELINE_COMPONENT_TYPES = ['data-pipeline', 'edge-function'];

/**
 * The "Lineage" tab: on the Resources that stand for a lakehouse table
 * (`iceberg-table` on Trino, `lakehouse-table` on DuckDB; both carry the
 * table annotation) and on the pipeline components (dbt, edge functions).
 */
export const lineageEntityContent = EntityContentBlueprint.make({
  name: 'lineage',
  params: {
    path: '/lineage',
    title: 'Lineage',
    filter: {
      $any: [
        {
          kind: 'resource',
          [`metadata.annotations.${LAKEHOUSE_TABLE_ANNOTATION}`]: {
            $exists: true,
          },
        },
        { kind: 'component', 'spec.type': { $in: PIPELINE_COMPONENT_TYPES } },
      ],
    },
    loader: () =>
      import('./components/entity/EntityLineageContent').then(m => (
        <m.EntityLineageContent />
      )),
  },
});
