import { existsSync } from 'node:fs';
import {
  chmod,
  copyFile,
  mkdir,
  readdir,
  readFile,
  rm,
  writeFile,
} from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { StackPaths } from './paths.ts';
import type { StackSettings } from './services.ts';
import { renderTree } from './template.ts';

/** What rendering needs of the stack's context. */
export type MonitoringContext = {
  paths: StackPaths;
  settings: Pick<StackSettings, 'monitoring' | 'tokens'>;
  log: (line: string) => void;
};

/** Beside prometheus.yml, which names it (platform-manifests/config/prometheus). */
export const METRICS_TOKEN_FILE = 'scout-metrics.token';
/** Beside alertmanager.yml: the generated config names it relative to itself. */
export const WEBHOOK_TOKEN_FILE = 'webhook.token';

/**
 * What the SLO generator (Sloth) writes: Prometheus rule files (*.yaml) and
 * the Alertmanager config. Either may not exist yet.
 */
export function generatedMonitoring(root: string) {
  const dir = join(root, 'platform-manifests', 'observability', 'generated');
  return {
    rules: join(dir, 'prometheus'),
    alertmanager: join(dir, 'alertmanager', 'alertmanager.yml'),
  };
}

/**
 * The portal's default origin (backend.baseUrl, as Alertmanager reaches
 * it), which the generated Alertmanager config sends its webhooks to.
 */
const DEFAULT_BACKEND = /https?:\/\/(?:127\.0\.0\.1|localhost):7007(?![0-9])/g;

/** `config` with its webhooks to the default portal sent to `origin` instead. */
export function followBackend(config: string, origin: string): string {
  return config.replace(DEFAULT_BACKEND, origin);
}

/** Writes a token readable by its owner only; Prometheus trims it. */
async function writeToken(file: string, token: string) {
  await writeFile(file, token, { mode: 0o600 });
  await chmod(file, 0o600);
}

/**
 * Copies the generated rule files into `to` (emptied first), a snapshot
 * that the generator cannot change under a running Prometheus; none when
 * the generator has not run yet. Returns the number copied.
 */
async function copyRules(ctx: MonitoringContext, to: string) {
  const from = generatedMonitoring(ctx.paths.root).rules;
  await rm(to, { recursive: true, force: true });
  await mkdir(to, { recursive: true });
  const files = existsSync(from)
    ? (await readdir(from)).filter(name => name.endsWith('.yaml')).sort()
    : [];
  for (const name of files) await copyFile(join(from, name), join(to, name));
  const shown = relative(ctx.paths.root, from);
  ctx.log(
    files.length > 0
      ? `prometheus: ${files.length} rule file(s) from ${shown}`
      : `prometheus: no rule files in ${shown} yet; starting without rules`,
  );
  return files.length;
}

/**
 * Renders platform-manifests/config/prometheus into .scout/stack/prometheus
 * (scrape targets: the portal's origin; alerts: the stack's Alertmanager),
 * writes the scrape token beside it and copies the generated rules into
 * rules/. Returns Prometheus's arguments.
 */
export async function preparePrometheus(
  ctx: MonitoringContext,
): Promise<string[]> {
  const { paths, settings } = ctx;
  const { monitoring } = settings;
  const dir = join(paths.state, 'prometheus');
  const backend = new URL(monitoring.backendOrigin);
  await renderTree(join(paths.templates, 'prometheus'), dir, {
    BACKEND_SCHEME: backend.protocol.slice(0, -1),
    BACKEND_ADDRESS: backend.host,
    ALERTMANAGER_ADDRESS: `127.0.0.1:${monitoring.alertmanager.port}`,
  });
  await writeToken(join(dir, METRICS_TOKEN_FILE), settings.tokens.metrics);
  await copyRules(ctx, join(dir, 'rules'));
  await mkdir(join(dir, 'data'), { recursive: true });
  return [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${monitoring.prometheus.port}`,
    // A development machine's disk; the SLO windows are at most 30 days.
    '--storage.tsdb.retention.time=30d',
  ];
}

/**
 * Writes .scout/stack/alertmanager/alertmanager.yml: the generated config
 * (its webhooks following the portal's origin), or until there is one,
 * platform-manifests/config/alertmanager's (a null receiver); and the
 * webhook token beside it. Returns Alertmanager's arguments.
 */
export async function prepareAlertmanager(
  ctx: MonitoringContext,
): Promise<string[]> {
  const { paths, settings } = ctx;
  const { monitoring } = settings;
  const dir = join(paths.state, 'alertmanager');
  const generated = generatedMonitoring(paths.root).alertmanager;
  const shown = relative(paths.root, generated);
  if (existsSync(generated)) {
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'alertmanager.yml'),
      followBackend(
        await readFile(generated, 'utf8'),
        monitoring.backendOrigin,
      ),
    );
    ctx.log(`alertmanager: routes of ${shown}`);
  } else {
    await renderTree(join(paths.templates, 'alertmanager'), dir, {});
    ctx.log(`alertmanager: no ${shown} yet; alerts go to a null receiver`);
  }
  await writeToken(join(dir, WEBHOOK_TOKEN_FILE), settings.tokens.alerts);
  await mkdir(join(dir, 'data'), { recursive: true });
  return [
    `--config.file=${join(dir, 'alertmanager.yml')}`,
    `--storage.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${monitoring.alertmanager.port}`,
    // One instance: no gossip port (its default, 9094, is on every interface).
    '--cluster.listen-address=',
  ];
}
