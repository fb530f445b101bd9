import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ConfigSources } from '@backstage/config-loader';
import { assertProductionProfile } from './productionProfile';

/**
 * The backend's root config, loaded as Backstage loads it (`--config`
 * arguments, `APP_CONFIG_*`, `${VAR}` substitution) and checked against the
 * production profile before any other service or plugin starts: under
 * NODE_ENV=production an unsafe config stops the backend here, with every
 * problem listed by key, instead of after other plugins failed on the same
 * settings (a missing scrape token, an unreachable database) with errors of
 * their own. `env` stands in for process.env in tests.
 */
export const productionRootConfigServiceFactoryWithOptions = (options?: {
  argv?: string[];
  env?: Record<string, string | undefined>;
  /** Reload when a config file changes (Backstage's default: yes). */
  watch?: boolean;
}) =>
  createServiceFactory({
    service: coreServices.rootConfig,
    deps: {},
    async factory() {
      const env = options?.env;
      const source = ConfigSources.default({
        argv: options?.argv,
        env,
        watch: options?.watch,
        substitutionFunc: env ? async name => env[name]?.trim() : undefined,
      });
      const config = await ConfigSources.toConfig(source);
      assertProductionProfile(config, env ?? process.env);
      return config;
    },
  });

/** {@link productionRootConfigServiceFactoryWithOptions} on the process's argv and env. */
export const productionRootConfigServiceFactory =
  productionRootConfigServiceFactoryWithOptions();
