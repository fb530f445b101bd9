import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { readSupersetConfig } from './config';
import { createRouter } from './router';
import { SupersetDashboards } from './services/SupersetDashboards';

/**
 * Superset for the portal at /api/superset: the embeddable dashboards, and
 * guest tokens minted per caller with row-level security from their
 * groups. Without superset.baseUrl it starts and says so on every answer.
 */
export const supersetPlugin = createBackendPlugin({
  pluginId: 'superset',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        userInfo: coreServices.userInfo,
        auditor: coreServices.auditor,
      },
      async init({ config, logger, httpAuth, httpRouter, userInfo, auditor }) {
        const settings = readSupersetConfig(config);
        if (!settings) {
          logger.warn(
            'superset.baseUrl is not set: the Dashboards page will say Superset is not configured',
          );
        }
        const dashboards = SupersetDashboards.create({
          config: settings,
          logger,
        });
        httpRouter.use(
          await createRouter({ httpAuth, userInfo, auditor, dashboards }),
        );
      },
    });
  },
});
