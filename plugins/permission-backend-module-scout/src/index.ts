/**
 * The Scout Portal's permission policy: one table of who may do what
 * (./permissionTable.ts), decided by the caller's catalog groups.
 *
 * @packageDocumentation
 */

export { permissionModuleScoutPolicy as default } from './module';
export { ScoutPermissionPolicy } from './ScoutPermissionPolicy';
export {
  ScoutPermissionsService,
  scoutPermissionsServiceFactory,
  scoutPermissionsServiceFactoryWithOptions,
} from './permissionsService';
