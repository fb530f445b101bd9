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
  // Registering what a template published: its catalog:register step (and
  // scout:publish:local) asks as the runner, so every group that may run a
  // template below may register. Analyzing an arbitrary URL stays closed.
  'catalog.location.create': [PLATFORM_TEAM, DATA_ENGINEERING],
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

/**
 * Who may see and run each software template, by template entity ref. A
 * template without a row is the platform team's alone (they keep the
 * templates), so one added later stays closed to everyone else until it gets
 * a row here. Enforced through
 * `catalog.entity.read`: the Create page lists only these, and the
 * scaffolder reads a run's template as the runner, so starting a run of any
 * other template is a 404.
 */
export const templateRunners: PermissionTable = {
  // a new source end to end: migration, function, bronze load, dbt, SLO
  'template:default/new-data-pipeline': [PLATFORM_TEAM, DATA_ENGINEERING],
  'template:default/new-dbt-model': [PLATFORM_TEAM, DATA_ENGINEERING],
  // a new public endpoint with its own JWT scope
  'template:default/new-edge-function': [PLATFORM_TEAM],
};
