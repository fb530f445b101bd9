/**
 * Who may do what in the Scout Portal: one row per permission that an
 * installed plugin checks, by permission name. A permission without a row is
 * denied, so a plugin added later stays closed until it gets a row here.
 *
 * Groups are catalog Group refs; a user is in a group when the sign-in put
 * the group among the user's ownership refs (catalog `memberOf`).
 *
 * Search, TechDocs, notifications, signals, user settings, MCP actions, app
 * and proxy check no permissions of their own: search results and TechDocs
 * pages are filtered by `catalog.entity.read`, and MCP actions by the rows of
 * the plugin that registered them.
 */

/** Every user who signed in, whatever their groups. */
export const ANY_SIGNED_IN_USER = 'any signed-in user';

export const PLATFORM_TEAM = 'group:default/platform-team';
export const DATA_ENGINEERING = 'group:default/data-engineering';

/** A row's right-hand side: everyone signed in, or members of these groups. */
export type Allowed = typeof ANY_SIGNED_IN_USER | readonly string[];

export type PermissionTable = Readonly<Record<string, Allowed>>;

export const permissionTable: PermissionTable = {
  // scout (plugins/scout-node/src/permissions.ts)
  'scout.migrations.apply': [PLATFORM_TEAM], // changes the schema every service reads
  'scout.pipeline.run': [PLATFORM_TEAM, DATA_ENGINEERING], // rebuilds and publishes the lakehouse

  // lakehouse (plugins/lakehouse-common); Trino's own rules still decide per table
  'lakehouse.table.preview': ANY_SIGNED_IN_USER,

  // catalog (@backstage/plugin-catalog-common)
  'catalog.entity.read': ANY_SIGNED_IN_USER, // browsing; search and TechDocs filter by it too
  'catalog.entity.refresh': ANY_SIGNED_IN_USER, // re-reads an entity from its source, changes nothing else
  'catalog.entity.validate': ANY_SIGNED_IN_USER, // checks a YAML, stores nothing
  'catalog.location.read': ANY_SIGNED_IN_USER,
  'catalog.ingestion.read': ANY_SIGNED_IN_USER,
  'catalog.entity.create': [PLATFORM_TEAM], // the catalog is the platform team's record
  'catalog.entity.delete': [PLATFORM_TEAM],
  // A template's catalog:register step asks for it as the runner, so such a
  // step works for platform-team runners only.
  'catalog.location.create': [PLATFORM_TEAM],
  'catalog.location.delete': [PLATFORM_TEAM],
  'catalog.location.analyze': [PLATFORM_TEAM], // first step of registering; fetches any URL given
  'catalog.ingestion.manage': [PLATFORM_TEAM],

  // scaffolder template runs (@backstage/plugin-scaffolder-common)
  'scaffolder.template.parameter.read': ANY_SIGNED_IN_USER, // a run's form
  'scaffolder.template.step.read': ANY_SIGNED_IN_USER, // a run's steps
  'scaffolder.action.execute': ANY_SIGNED_IN_USER, // the steps of a run
  'scaffolder.task.create': ANY_SIGNED_IN_USER, // starting a run
  'scaffolder.task.read': ANY_SIGNED_IN_USER, // a run's log
  'scaffolder.task.cancel': ANY_SIGNED_IN_USER, // whoever may start a run may stop one
  // scaffolder template management: the editor and its dry-runs
  'scaffolder.template.management': [PLATFORM_TEAM],
  'scaffolder.template.dry-run': [PLATFORM_TEAM],

  // kubernetes (@backstage/plugin-kubernetes-common)
  'kubernetes.clusters.read': ANY_SIGNED_IN_USER,
  'kubernetes.resources.read': ANY_SIGNED_IN_USER, // an entity's Kubernetes tab
  'kubernetes.proxy': [PLATFORM_TEAM], // any request to a cluster's API, writes included
};
