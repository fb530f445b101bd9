import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { installedBinary, monitoringSettings } from './monitoring.ts';
import {
  followBackend,
  generatedMonitoring,
  type MonitoringContext,
  prepareAlertmanager,
  preparePrometheus,
} from './monitoringConfig.ts';
import { stackPaths } from './paths.ts';

const repo = resolve(__dirname, '../../../..');

type ScrapeJob = {
  job_name: string;
  metrics_path: string;
  scheme: string;
  authorization: { credentials_file: string };
  static_configs: { targets: string[] }[];
};

/** promtool/amtool, or a skip reason (a failure in CI, which installs them). */
function tool(name: string): string | undefined {
  try {
    return installedBinary([name], 'prometheus');
  } catch (error) {
    if (process.env.CI) throw error;
    // eslint-disable-next-line no-console
    console.warn(`skipping the ${name} check: ${error}`);
    return undefined;
  }
}

describe('the local Prometheus and Alertmanager', () => {
  let root: string;
  let ctx: MonitoringContext;
  let lines: string[];
  beforeEach(() => {
    // A scratch checkout: the generated files are this test's.
    root = mkdtempSync(join(tmpdir(), 'scout-monitoring-'));
    lines = [];
    ctx = {
      paths: { ...stackPaths(root), templates: stackPaths(repo).templates },
      settings: {
        monitoring: monitoringSettings(
          { SCOUT_PROMETHEUS_PORT: '19090', SCOUT_ALERTMANAGER_PORT: '19093' },
          'http://localhost:7007',
        ),
        tokens: { metrics: 'metrics-secret', alerts: 'alerts-secret' },
      },
      log: line => lines.push(line),
    };
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads ports from the environment, 9090 and 9093 by default', () => {
    expect(monitoringSettings({}, 'http://localhost:7007')).toEqual({
      prometheus: { port: 9090, url: 'http://127.0.0.1:9090' },
      alertmanager: { port: 9093, url: 'http://127.0.0.1:9093' },
      backendOrigin: 'http://127.0.0.1:7007',
    });
    expect(() =>
      monitoringSettings({ SCOUT_PROMETHEUS_PORT: 'x' }, 'http://a'),
    ).toThrow(/^SCOUT_PROMETHEUS_PORT: /);
  });

  it('says how to install a missing binary', () => {
    expect(() => installedBinary(['prometheus'], 'prometheus', root)).toThrow(
      /prometheus is not installed: apt-get install prometheus/,
    );
  });

  it('renders a Prometheus that scrapes the portal with the token file, without rules until Sloth ran', async () => {
    const args = await preparePrometheus(ctx);
    const dir = join(root, '.scout/stack/prometheus');
    expect(args).toEqual([
      `--config.file=${dir}/prometheus.yml`,
      `--storage.tsdb.path=${dir}/data`,
      '--web.listen-address=127.0.0.1:19090',
      '--storage.tsdb.retention.time=30d',
    ]);
    const config = parse(await readFile(join(dir, 'prometheus.yml'), 'utf8'));
    expect(config.global.scrape_interval).toBe('15s');
    expect(config.rule_files).toEqual(['rules/*.yaml']);
    expect(config.alerting.alertmanagers[0].static_configs[0].targets).toEqual([
      '127.0.0.1:19093',
    ]);
    expect(
      (config.scrape_configs as ScrapeJob[]).map(job => [
        job.job_name,
        job.metrics_path,
        job.scheme,
        job.authorization.credentials_file,
        job.static_configs[0].targets,
      ]),
    ).toEqual([
      [
        'scout',
        '/api/scout/metrics',
        'http',
        'scout-metrics.token',
        ['127.0.0.1:7007'],
      ],
      [
        'lakehouse',
        '/api/lakehouse/metrics',
        'http',
        'scout-metrics.token',
        ['127.0.0.1:7007'],
      ],
    ]);
    const token = join(dir, 'scout-metrics.token');
    expect(await readFile(token, 'utf8')).toBe('metrics-secret');
    expect((await stat(token)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'rules'))).toEqual([]);
    expect(lines.join('\n')).toMatch(/no rule files .* starting without rules/);
    const promtool = tool('promtool');
    if (promtool) {
      execFileSync(promtool, ['check', 'config', join(dir, 'prometheus.yml')]);
    }
  });

  it('copies the generated rules and Alertmanager config, the webhook following the portal', async () => {
    const generated = generatedMonitoring(root);
    mkdirSync(generated.rules, { recursive: true });
    writeFileSync(
      join(generated.rules, 'scout.yaml'),
      'groups:\n  - name: t\n    rules:\n      - record: scout:up\n        expr: up\n',
    );
    mkdirSync(join(generated.alertmanager, '..'), { recursive: true });
    writeFileSync(
      generated.alertmanager,
      [
        'route: { receiver: slo }',
        'receivers:',
        '  - name: slo',
        '    webhook_configs:',
        '      - url: http://127.0.0.1:7007/api/slo/alerts',
        '        http_config:',
        '          authorization: { credentials_file: webhook.token }',
        '',
      ].join('\n'),
    );
    ctx.settings.monitoring = monitoringSettings({}, 'http://localhost:17007');
    await preparePrometheus(ctx);
    const args = await prepareAlertmanager(ctx);
    const dir = join(root, '.scout/stack/alertmanager');
    expect(args).toEqual([
      `--config.file=${dir}/alertmanager.yml`,
      `--storage.path=${dir}/data`,
      '--web.listen-address=127.0.0.1:9093',
      '--cluster.listen-address=',
    ]);
    expect(await readdir(join(root, '.scout/stack/prometheus/rules'))).toEqual([
      'scout.yaml',
    ]);
    const config = parse(await readFile(join(dir, 'alertmanager.yml'), 'utf8'));
    expect(config.receivers[0].webhook_configs[0].url).toBe(
      'http://127.0.0.1:17007/api/slo/alerts',
    );
    expect(await readFile(join(dir, 'webhook.token'), 'utf8')).toBe(
      'alerts-secret',
    );
    const promtool = tool('promtool');
    if (promtool) {
      execFileSync(promtool, [
        'check',
        'config',
        join(root, '.scout/stack/prometheus/prometheus.yml'),
      ]);
    }
    const amtool = tool('amtool');
    if (amtool) {
      execFileSync(amtool, ['check-config', join(dir, 'alertmanager.yml')]);
    }
  });

  it('sends alerts nowhere until Sloth wrote an Alertmanager config', async () => {
    await prepareAlertmanager(ctx);
    const dir = join(root, '.scout/stack/alertmanager');
    const config = parse(await readFile(join(dir, 'alertmanager.yml'), 'utf8'));
    expect(config).toEqual({
      route: { receiver: 'null' },
      receivers: [{ name: 'null' }],
    });
    expect(lines).toEqual([
      'alertmanager: no platform-manifests/observability/generated/alertmanager/alertmanager.yml yet; alerts go to a null receiver',
    ]);
    const amtool = tool('amtool');
    if (amtool) {
      execFileSync(amtool, ['check-config', join(dir, 'alertmanager.yml')]);
    }
  });

  it('moves only the default portal origin', () => {
    expect(
      followBackend(
        'url: http://localhost:7007/x\nurl: http://127.0.0.1:70070/y\nurl: https://a.example/z',
        'http://127.0.0.1:8000',
      ),
    ).toBe(
      'url: http://127.0.0.1:8000/x\nurl: http://127.0.0.1:70070/y\nurl: https://a.example/z',
    );
  });
});
