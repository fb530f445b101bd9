import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { RelationsCard } from './RelationsCard';
import { relationsCards, RelationsCardSpec } from './relationsByKind';

// The catalog-graph plugin offers one relations card with one config for
// every kind, so a graph that reads well for a Component shows a Domain or
// a Group as a single node. One card per kind group instead, each with the
// plugin's own graph card component, drawing what its height shows readably
// (RelationsCard).
function relationsCard(spec: RelationsCardSpec) {
  return EntityCardBlueprint.make({
    name: spec.name,
    params: {
      filter: { kind: { $in: spec.kinds } },
      loader: () =>
        import('@backstage/plugin-catalog-graph').then(m => (
          <RelationsCard spec={spec} Card={m.EntityCatalogGraphCard} />
        )),
    },
  });
}

export const catalogGraphModule = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: relationsCards.map(relationsCard),
});
