import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const GENERATED = join(
  repositoryRoot(),
  'platform-manifests/observability/generated',
);

/** The binaries a real-Prometheus test needs; the missing ones by name. */
export function missingBinaries(): string[] {
  return ['prometheus', 'prometheus-alertmanager'].filter(
    bin => spawnSync('sh', ['-c', `command -v ${bin}`]).status !== 0,
  );
}

/**
 * The committed generated rules of `services`, with the time-slice groups'
 * one-minute interval shortened (tests cannot wait minutes), into `dir`.
 */
export function writeRules(
  dir: string,
  services: string[],
  sliceInterval = '1s',
): string[] {
  const files: string[] = [];
  for (const service of services) {
    for (const name of [`${service}.yaml`, `${service}.time-slices.yaml`]) {
      let text: string;
      try {
        text = readFileSync(join(GENERATED, 'prometheus', name), 'utf8');
      } catch {
        continue;
      }
      const target = join(dir, name);
      writeFileSync(
        target,
        text.replace(/^(\s+interval:) 1m$/gm, `$1 ${sliceInterval}`),
      );
      files.push(target);
    }
  }
  return files;
}

/** The committed Alertmanager config, pointed at `webhookUrl`, quick to send. */
export function writeAlertmanagerConfig(
  dir: string,
  webhookUrl: string,
  token: string,
): string {
  const config = parse(
    readFileSync(join(GENERATED, 'alertmanager/alertmanager.yml'), 'utf8'),
  );
  Object.assign(config.route, {
    group_wait: '1s',
    group_interval: '1s',
    repeat_interval: '1m',
  });
  for (const receiver of config.receivers) {
    for (const hook of receiver.webhook_configs ?? []) {
      hook.url = webhookUrl;
      hook.http_config.authorization.credentials_file = join(
        dir,
        'webhook.token',
      );
    }
  }
  writeFileSync(join(dir, 'webhook.token'), token);
  const file = join(dir, 'alertmanager.yml');
  writeFileSync(file, stringify(config));
  return file;
}

/** Starts a binary, keeps its output for failures, and stops it by PID. */
export function startProcess(
  bin: string,
  args: string[],
): { stop: () => Promise<void>; output: () => string; child: ChildProcess } {
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', d => (output = (output + d).slice(-20_000)));
  child.stderr!.on('data', d => (output = (output + d).slice(-20_000)));
  return {
    child,
    output: () => output,
    stop: () =>
      new Promise<void>(resolve => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Prometheus with `rules`, scraping `target` with a bearer token, alerting to `alertmanager`. */
export function startPrometheus(options: {
  dir: string;
  port: number;
  target: string;
  metricsPath: string;
  token: string;
  rules: string[];
  alertmanager?: string;
}) {
  const { dir } = options;
  mkdirSync(join(dir, 'data'), { recursive: true });
  const config = {
    global: { scrape_interval: '1s', evaluation_interval: '1s' },
    rule_files: options.rules,
    scrape_configs: [
      {
        job_name: 'scout',
        metrics_path: options.metricsPath,
        authorization: { type: 'Bearer', credentials: options.token },
        static_configs: [{ targets: [options.target] }],
      },
    ],
    ...(options.alertmanager
      ? {
          alerting: {
            alertmanagers: [
              { static_configs: [{ targets: [options.alertmanager] }] },
            ],
          },
        }
      : {}),
  };
  const file = join(dir, 'prometheus.yml');
  writeFileSync(file, stringify(config));
  return startProcess('prometheus', [
    `--config.file=${file}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${options.port}`,
  ]);
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
  diagnostics?: () => string,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) {
      throw new Error(
        `timed out waiting for ${what}${
          diagnostics ? `\n${diagnostics()}` : ''
        }`,
      );
    }
    await new Promise(r => setTimeout(r, 500));
  }
}
