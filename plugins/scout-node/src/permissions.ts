import { createPermission } from '@backstage/plugin-permission-common';

/** Applying pending migrations to the scout database. */
export const scoutMigrationsApplyPermission = createPermission({
  name: 'scout.migrations.apply',
  attributes: { action: 'update' },
});

/** Starting a lakehouse pipeline run (bronze load, dbt build, publish). */
export const scoutPipelineRunPermission = createPermission({
  name: 'scout.pipeline.run',
  attributes: { action: 'create' },
});

/** Every permission the scout backend checks, for its permissions registry. */
export const scoutPermissions = [
  scoutMigrationsApplyPermission,
  scoutPipelineRunPermission,
];
