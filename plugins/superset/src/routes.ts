import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The Dashboards page; `?dashboard=<slug>` selects the one embedded. */
export const rootRouteRef = createRouteRef();

/** A link to the Dashboards page (at `root`) with one dashboard selected. */
export function dashboardHref(root: string, slug: string) {
  return `${root}?dashboard=${encodeURIComponent(slug)}`;
}
