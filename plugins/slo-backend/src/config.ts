import { type Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** slo.* with its defaults (config.d.ts documents each key). */
export type SloConfig = {
  /** The OpenSLO specs; undefined outside a checkout when not configured. */
  specsDir: string | undefined;
  /** Absent: no Prometheus, the embedded source answers. */
  prometheus?: { baseUrl: string; timeoutMs: number };
  historyIntervalMs: number;
  embedded: { sampleIntervalMs: number; metricsPlugins: string[] };
};

const SPECS = 'platform-manifests/observability/slos';

function duration(config: Config, key: string, fallbackMs: number): number {
  if (!config.has(key)) return fallbackMs;
  const ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  if (!(ms >= 1000)) {
    throw new Error(`slo: ${key} must be at least one second`);
  }
  return ms;
}

/** Reads slo.* once; a bad value stops the plugin with the key named. */
export function readSloConfig(config: Config): SloConfig {
  const baseUrl = config.getOptionalString('slo.prometheus.baseUrl');
  if (baseUrl !== undefined && !/^https?:\/\/[^/]/.test(baseUrl)) {
    throw new Error(
      `slo.prometheus.baseUrl must be an http(s) URL, not ${baseUrl}`,
    );
  }
  return {
    specsDir: config.getOptionalString('slo.specsDir') ?? checkoutPath(SPECS),
    ...(baseUrl
      ? {
          prometheus: {
            baseUrl,
            timeoutMs: duration(config, 'slo.prometheus.timeout', 5000),
          },
        }
      : {}),
    historyIntervalMs: duration(config, 'slo.history.interval', 300_000),
    embedded: {
      sampleIntervalMs: duration(config, 'slo.embedded.sampleInterval', 60_000),
      metricsPlugins: config.getOptionalStringArray(
        'slo.embedded.metricsPlugins',
      ) ?? ['scout', 'lakehouse'],
    },
  };
}

/** A path in the source checkout, when there is one and it exists. */
function checkoutPath(path: string): string | undefined {
  try {
    const full = join(repositoryRoot(), path);
    return existsSync(full) ? full : undefined;
  } catch {
    return undefined;
  }
}
