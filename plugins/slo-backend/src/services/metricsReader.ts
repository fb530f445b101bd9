import type {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { MetricsReader } from './EmbeddedSource';

/**
 * Reads each plugin's /metrics through discovery with this plugin's
 * service token (the routes allow service credentials). A plugin that does
 * not answer is left out of that sample, with one warning until it answers.
 */
export function pluginMetricsReader(options: {
  plugins: string[];
  discovery: DiscoveryService;
  auth: AuthService;
  logger: LoggerService;
  timeoutMs?: number;
}): MetricsReader {
  const { plugins, discovery, auth, logger } = options;
  const failing = new Set<string>();
  return async () => {
    const texts = await Promise.all(
      plugins.map(async pluginId => {
        try {
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: await auth.getOwnServiceCredentials(),
            targetPluginId: pluginId,
          });
          const base = await discovery.getBaseUrl(pluginId);
          const response = await fetch(`${base}/metrics`, {
            headers: { authorization: `Bearer ${token}` },
            signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
          });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          failing.delete(pluginId);
          return await response.text();
        } catch (error) {
          if (!failing.has(pluginId)) {
            failing.add(pluginId);
            logger.warn(
              `slo: cannot read ${pluginId} metrics for the embedded SLIs: ${error}`,
            );
          }
          return '';
        }
      }),
    );
    return texts;
  };
}
