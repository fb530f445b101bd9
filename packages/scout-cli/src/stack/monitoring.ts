import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { httpGet } from './health.ts';
import { prepareAlertmanager, preparePrometheus } from './monitoringConfig.ts';
import type { StackPaths } from './paths.ts';
import type { ManagedService } from './services.ts';
import { envPort } from './settings.ts';

/** Where the local Prometheus and Alertmanager listen, and the portal they watch. */
export type MonitoringSettings = {
  prometheus: { port: number; url: string };
  alertmanager: { port: number; url: string };
  /**
   * The portal backend's origin as Prometheus and Alertmanager reach it:
   * backend.baseUrl's, with `localhost` as 127.0.0.1 (the backend listens
   * on IPv4 loopback; Go would try ::1 first).
   */
  backendOrigin: string;
};

/**
 * Ports from SCOUT_PROMETHEUS_PORT (9090) and SCOUT_ALERTMANAGER_PORT
 * (9093); `backendOrigin` is backend.baseUrl's origin.
 */
export function monitoringSettings(
  env: Record<string, string | undefined>,
  backendOrigin: string,
): MonitoringSettings {
  const prometheusPort = envPort(env, 'SCOUT_PROMETHEUS_PORT', 9090);
  const alertmanagerPort = envPort(env, 'SCOUT_ALERTMANAGER_PORT', 9093);
  const backend = new URL(backendOrigin);
  if (backend.hostname === 'localhost') backend.hostname = '127.0.0.1';
  return {
    prometheus: {
      port: prometheusPort,
      url: `http://127.0.0.1:${prometheusPort}`,
    },
    alertmanager: {
      port: alertmanagerPort,
      url: `http://127.0.0.1:${alertmanagerPort}`,
    },
    backendOrigin: backend.origin,
  };
}

/** The first of `names` that is an executable on `path`, if any. */
export function findOnPath(names: string[], path: string): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    for (const name of names) {
      const file = join(dir, name);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not in this folder
      }
    }
  }
  return undefined;
}

/**
 * The first of `names` on PATH. Throws how to install `debianPackage`:
 * scripts/test.sh installs it, a developer's machine may not have it.
 */
export function installedBinary(
  names: string[],
  debianPackage: string,
  path = process.env.PATH ?? '',
): string {
  const found = findOnPath(names, path);
  if (found) return found;
  throw new Error(
    `${names[0]} is not installed: apt-get install ${debianPackage} (Debian; scripts/test.sh installs it). Debian's own service must not run on the same port: systemctl disable --now ${debianPackage}`,
  );
}

const ready = async (url: string) =>
  (await httpGet(`${url}/-/ready`))?.status === 200;

/** The config file argument that marks a native service's process as ours. */
const configMarker = (name: string, file: string) => (paths: StackPaths) =>
  `--config.file=${join(paths.state, name, file)}`;

/**
 * Debian's Prometheus (2.42), run by the stack rather than by its systemd
 * unit: loopback only, data under .scout/stack/prometheus, scraping the
 * portal (monitoringConfig.ts).
 */
export const prometheus: ManagedService = {
  name: 'prometheus',
  portEnv: 'SCOUT_PROMETHEUS_PORT',
  ports: ({ monitoring }) => [monitoring.prometheus.port],
  url: ({ monitoring }) => monitoring.prometheus.url,
  startTimeoutMs: 60_000,
  healthy: ({ monitoring }) => ready(monitoring.prometheus.url),
  native: true,
  fetch: async ctx =>
    installedBinary(['prometheus'], 'prometheus', ctx.env.PATH),
  marker: configMarker('prometheus', 'prometheus.yml'),
  prepare: ctx => preparePrometheus(ctx),
};

/**
 * Debian's Alertmanager (0.25; `prometheus-alertmanager`), a single
 * instance: no cluster port.
 */
export const alertmanager: ManagedService = {
  name: 'alertmanager',
  portEnv: 'SCOUT_ALERTMANAGER_PORT',
  ports: ({ monitoring }) => [monitoring.alertmanager.port],
  url: ({ monitoring }) => monitoring.alertmanager.url,
  startTimeoutMs: 60_000,
  healthy: ({ monitoring }) => ready(monitoring.alertmanager.url),
  native: true,
  fetch: async ctx =>
    installedBinary(
      ['prometheus-alertmanager', 'alertmanager'],
      'prometheus-alertmanager',
      ctx.env.PATH,
    ),
  marker: configMarker('alertmanager', 'alertmanager.yml'),
  prepare: ctx => prepareAlertmanager(ctx),
};
