// The Scout Portal backend. This file only wires plugins together; each
// plugin's logic lives in its own package under plugins/.

import { createBackend } from '@backstage/backend-defaults';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { scoutPermissionsServiceFactory } from '@internal/backstage-plugin-permission-backend-module-scout';
import { catalogModuleScoutLocalGit } from '@internal/backstage-plugin-scaffolder-backend-module-scout';
import {
  compressedAssets,
  httpMetrics,
  productionRootConfigServiceFactory,
} from '@internal/backstage-plugin-scout-backend';

const backend = createBackend();

// The config, checked against the production profile before anything starts.
backend.add(productionRootConfigServiceFactory);

// Every /api/<plugin> request counted and timed (served at
// /api/scout/metrics for the SLOs), ahead of Backstage's own middleware.
// The app's assets compressed once, not on every request (with helmet's
// headers, as app-backend's answers have them).
backend.add(
  rootHttpRouterServiceFactory({
    configure({ app, config, middleware, applyDefaults }) {
      app.use(httpMetrics.middleware());
      // The app package app-backend serves (its app.packageName).
      const appPackage = config.getOptionalString('app.packageName') ?? 'app';
      app.use(
        '/static',
        middleware.helmet(),
        compressedAssets(resolvePackagePath(appPackage, 'dist/static')),
      );
      applyDefaults();
    },
  }),
);

backend.add(import('@backstage/plugin-app-backend'));
// The events bus: plugins publish (a pipeline run published) and subscribe
// (the lakehouse catalog provider) through it, across backend instances.
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// scaffolder plugin
backend.add(import('@backstage/plugin-scaffolder-backend'));
// publish:gitea, to integrations.gitea (the local stack's Gitea by default)
backend.add(import('@backstage/plugin-scaffolder-backend-module-gitea'));
// Scout's checks on what a template generated (migrations, SLOs, entities)
backend.add(
  import('@internal/backstage-plugin-scaffolder-backend-module-scout'),
);
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

// techdocs plugin
backend.add(import('@backstage/plugin-techdocs-backend'));

// auth plugin
backend.add(import('@backstage/plugin-auth-backend'));
// See https://backstage.io/docs/backend-system/building-backends/migrating#the-auth-plugin
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// See https://backstage.io/docs/auth/guest/provider
// Sign-in through Keycloak (any OIDC provider): auth.providers.oidc
backend.add(import('@backstage/plugin-auth-backend-module-oidc-provider'));

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
// Registering what a template published to the portal's local Git (the
// embedded default, when no Gitea answers).
backend.add(catalogModuleScoutLocalGit);

// See https://backstage.io/docs/features/software-catalog/configuration#subscribing-to-catalog-errors
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// The lineage store: OpenLineage events in, Marquez-compatible queries out.
backend.add(import('@internal/backstage-plugin-lineage-backend'));
// SLO status and budgets (Prometheus or embedded), Alertmanager's webhook.
backend.add(import('@internal/backstage-plugin-slo-backend'));
// Superset's embeddable dashboards and per-caller guest tokens.
backend.add(import('@internal/backstage-plugin-superset-backend'));

// permission plugin, with the one policy: who may do what, by catalog group
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@internal/backstage-plugin-permission-backend-module-scout'),
);
// Plugins' checks for signed-in users, decided by the same policy in-process
// instead of over HTTP to the permission backend (see permissionsService.ts).
backend.add(scoutPermissionsServiceFactory);

// search plugin
backend.add(import('@backstage/plugin-search-backend'));

// search engine
// See https://backstage.io/docs/features/search/search-engines
backend.add(import('@backstage/plugin-search-backend-module-pg'));
// Without PostgreSQL (the embedded default): Lunr, answering no results
// rather than a 500 for a type not indexed yet.
backend.add(import('@internal/backstage-plugin-search-backend-module-scout'));

// search collators
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

// kubernetes plugin
backend.add(import('@backstage/plugin-kubernetes-backend'));

// user settings plugin
backend.add(import('@backstage/plugin-user-settings-backend'));

// notifications and signals plugins
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// mcp actions plugin
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// scout: the scout database, migrations and hosted edge functions
backend.add(import('@internal/backstage-plugin-scout-backend'));

backend.add(import('@internal/backstage-plugin-lakehouse-backend'));
backend.add(
  import('@internal/backstage-plugin-catalog-backend-module-lakehouse'),
);
// A backend that could not start stops, with a non-zero exit code, instead
// of listening half-started (Backstage only logs the failure).
backend.start().catch(error => {
  process.stderr.write(
    `The backend did not start: ${error?.message ?? error}\n`,
  );
  process.exit(1);
});
