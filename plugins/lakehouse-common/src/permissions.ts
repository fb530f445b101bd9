import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading a table's rows in the lakehouse browser's preview. Metadata
 * (schemas, snapshots, history) needs only a signed-in caller; rows are data.
 */
export const lakehouseTablePreviewPermission = createPermission({
  name: 'lakehouse.table.preview',
  attributes: { action: 'read' },
});

/** Every permission the lakehouse backend checks, for its permissions registry. */
export const lakehousePermissions = [lakehouseTablePreviewPermission];
