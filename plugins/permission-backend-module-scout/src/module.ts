import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { ScoutPermissionPolicy } from './ScoutPermissionPolicy';

/** The Scout permission policy: who may do what, by catalog group. */
export const permissionModuleScoutPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'scout-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, userInfo }) {
        policy.setPolicy(new ScoutPermissionPolicy({ userInfo }));
      },
    });
  },
});
