import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/frontend-plugin-api';

/** The SLO page; `?owner=<group ref>&system=<system ref>` filter it. */
export const rootRouteRef = createRouteRef();

/**
 * A catalog entity's page, for an SLO's owner and entity; without the
 * catalog plugin they are shown as text.
 */
export const catalogEntityRouteRef = createExternalRouteRef({
  params: ['namespace', 'kind', 'name'],
  defaultTarget: 'catalog.catalogEntity',
});
