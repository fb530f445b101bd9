import { createPermission } from '@backstage/plugin-permission-common';

/** Applying pending migrations to the scout database. */
export const scoutMigrationsApplyPermission = createPermission({
  name: 'scout.migrations.apply',
  attributes: { action: 'update' },
});

export const scoutPermissions = [scoutMigrationsApplyPermission];
