import {
  coreServices,
  createBackendPlugin,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { notificationService } from '@backstage/plugin-notifications-node';
import { registerSloActions } from './actions';
import { readSloConfig } from './config';
import { createRouter } from './router';
import { AlertReceiver } from './services/AlertReceiver';
import { EmbeddedSource } from './services/EmbeddedSource';
import { pluginMetricsReader } from './services/metricsReader';
import { PrometheusSource } from './services/PrometheusSource';
import { loadDefinitions } from './services/loadDefinitions';
import { SloService } from './services/SloService';
import { SloStore } from './services/SloStore';

/**
 * SLO status at /api/slo: from Prometheus when slo.prometheus.baseUrl is
 * set, else from the portal's own metrics (embedded); budget history; the
 * read-only actions; Alertmanager's webhook that notifies owning groups.
 */
export const sloPlugin = createBackendPlugin({
  pluginId: 'slo',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        auditor: coreServices.auditor,
        actionsRegistry: actionsRegistryServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const { config, database, logger, scheduler } = deps;
        const settings = readSloConfig(config);
        const db = await database.getClient();
        if (!database.migrations?.skip) {
          await db.migrate.latest({
            directory: resolvePackagePath(
              '@internal/backstage-plugin-slo-backend',
              'migrations',
            ),
          });
        }
        const defs = await loadDefinitions(settings.specsDir, logger);
        const store = SloStore.create(db);
        let slos: SloService;
        if (settings.prometheus) {
          slos = SloService.create({
            defs,
            store,
            historyIntervalMs: settings.historyIntervalMs,
            source: {
              kind: 'prometheus',
              source: PrometheusSource.create(settings.prometheus),
            },
          });
        } else {
          const embedded = EmbeddedSource.create({
            defs,
            store,
            logger,
            read: pluginMetricsReader({
              plugins: settings.embedded.metricsPlugins,
              discovery: deps.discovery,
              auth: deps.auth,
              logger,
            }),
          });
          slos = SloService.create({
            defs,
            store,
            historyIntervalMs: settings.historyIntervalMs,
            source: { kind: 'embedded', source: embedded },
          });
          await scheduler.scheduleTask({
            id: 'slo-embedded-sample',
            scope: 'local',
            frequency: { milliseconds: settings.embedded.sampleIntervalMs },
            timeout: { seconds: 50 },
            initialDelay: { seconds: 1 },
            fn: () => embedded.sample(Date.now()),
          });
        }
        logger.info(
          `slo: ${defs.length} SLOs, status from ${
            settings.prometheus
              ? `Prometheus at ${settings.prometheus.baseUrl}`
              : 'the portal itself (embedded: no slo.prometheus.baseUrl)'
          }`,
        );
        await scheduler.scheduleTask({
          id: 'slo-history',
          scope: 'local',
          frequency: { milliseconds: settings.historyIntervalMs },
          timeout: { minutes: 2 },
          // The first point soon after start: a fresh portal charts at once.
          initialDelay: {
            milliseconds: Math.min(30_000, settings.historyIntervalMs),
          },
          fn: () =>
            slos
              .recordHistory()
              .catch(error =>
                logger.warn(`slo: no history point this time: ${error}`),
              ),
        });
        registerSloActions(deps.actionsRegistry, slos);
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            slos,
            alerts: AlertReceiver.create({
              defs,
              store,
              notifications: deps.notifications,
              logger,
              auditor: deps.auditor,
            }),
          }),
        );
      },
    });
  },
});
