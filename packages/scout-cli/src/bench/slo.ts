import { alertNameOf } from '@internal/backstage-plugin-slo-common';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { trackProcessGroup } from '../processes.ts';
import { startBenchBackend } from './benchBackend.ts';
import { percentile } from './stats.ts';

const WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'];

type BenchSlo = { id: string; service: string; name: string; slice: boolean };

/** n SLOs: a fifth time-slice (freshness), the rest request ratios. */
function slos(n: number): BenchSlo[] {
  return Array.from({ length: n }, (_, i) => {
    const slice = i % 5 === 4;
    const service = `bench-svc-${String(i).padStart(2, '0')}`;
    const name = slice ? 'freshness' : 'availability';
    return { id: `${service}-${name}`, service, name, slice };
  });
}

/** The OpenSLO spec the portal loads for one bench SLO. */
function spec(slo: BenchSlo): string {
  const base = {
    apiVersion: 'openslo/v1alpha',
    kind: 'SLO',
    metadata: {
      name: slo.name,
      displayName: `${slo.service} ${slo.name}`,
      annotations: {
        'scout.io/owner': 'group:default/platform-team',
        'scout.io/entity': `component:default/${slo.service}`,
      },
    },
  };
  const timeWindows = [{ unit: 'Day', count: 30, isRolling: true }];
  const q = (query: string) => ({
    source: 'prometheus',
    queryType: 'promql',
    query,
  });
  if (slo.slice) {
    return stringify({
      ...base,
      spec: {
        service: slo.service,
        description: 'Bench freshness SLO.',
        budgetingMethod: 'Timeslices',
        indicator: {
          thresholdMetric: q(
            `time() - max(scout_gold_newest_row_timestamp_seconds{layer="gold",engine="${slo.service}"})`,
          ),
        },
        timeWindows,
        objectives: [{ op: 'lte', value: 3600, target: 0.99 }],
      },
    });
  }
  return stringify({
    ...base,
    spec: {
      service: slo.service,
      description: 'Bench availability SLO.',
      budgetingMethod: 'Occurrences',
      timeWindows,
      objectives: [
        {
          target: 0.999,
          ratioMetrics: {
            counter: true,
            good: q(
              `sum(rate(bench_requests_total{service="${slo.service}",status!~"5.."}[{{.window}}]))`,
            ),
            total: q(
              `sum(rate(bench_requests_total{service="${slo.service}"}[{{.window}}]))`,
            ),
          },
        },
      ],
    },
  });
}

/**
 * Sloth-shaped series for every SLO, synthesized by recording rules (the
 * names and labels Sloth v0.16.0 writes), a page alert on every seventh
 * and the freshness gauges of the time-slice SLOs.
 */
function rules(list: BenchSlo[]) {
  return {
    groups: list.map((slo, i) => {
      const labels = {
        sloth_id: slo.id,
        sloth_service: slo.service,
        sloth_slo: slo.name,
      };
      const ratio = ((i % 10) + 1) * 0.0001;
      return {
        name: `bench-${slo.id}`,
        rules: [
          ...WINDOWS.map(w => ({
            record: `slo:sli_error:ratio_rate${w}`,
            expr: `vector(${ratio})`,
            labels: { ...labels, sloth_window: w },
          })),
          {
            record: 'slo:period_error_budget_remaining:ratio',
            expr: `vector(${1 - ratio / 0.001})`,
            labels,
          },
          ...(slo.slice
            ? [
                {
                  record: 'scout_gold_newest_row_timestamp_seconds',
                  expr: 'time() - 120',
                  labels: { layer: 'gold', engine: slo.service },
                },
              ]
            : []),
          ...(i % 7 === 0
            ? [
                {
                  alert: alertNameOf(slo.id),
                  expr: 'vector(1)',
                  labels: {
                    ...labels,
                    severity: 'page',
                    sloth_severity: 'page',
                  },
                },
              ]
            : []),
        ],
      };
    }),
  };
}

async function until(what: string, probe: () => Promise<boolean>) {
  const deadline = Date.now() + 60_000;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 250));
  }
}

/**
 * The SLO overview (GET /api/slo/slos) against real Prometheus with `count`
 * SLOs: specs and Sloth-shaped recorded series generated here, the slo
 * plugin in a backend in this process. One JSON line: p50/p95 in ms.
 */
export async function benchSlo(
  options: {
    count: number;
    requests: number;
    port: number;
    prometheusPort: number;
  },
  progress: (msg: string) => void,
) {
  const dir = await mkdtemp(join(tmpdir(), 'scout-bench-slo-'));
  const list = slos(options.count);
  const specsDir = join(dir, 'slos');
  await mkdir(specsDir);
  await mkdir(join(dir, 'data'));
  for (const slo of list) {
    await writeFile(join(specsDir, `${slo.id}.yaml`), spec(slo));
  }
  await writeFile(join(dir, 'rules.yaml'), stringify(rules(list)));
  await writeFile(
    join(dir, 'prometheus.yml'),
    stringify({
      global: { evaluation_interval: '1s' },
      rule_files: [join(dir, 'rules.yaml')],
    }),
  );
  const promUrl = `http://127.0.0.1:${options.prometheusPort}`;
  progress(`starting Prometheus on ${promUrl} with ${list.length} SLOs`);
  const child = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${options.prometheusPort}`,
    ],
    { detached: true, stdio: 'ignore' },
  );
  const prometheus = trackProcessGroup('prometheus (bench)', child.pid!);
  const token = randomBytes(24).toString('hex');
  let backend: { baseUrl: string; stop: () => Promise<void> } | undefined;
  try {
    await until('Prometheus to record every SLO', async () => {
      const res = await fetch(
        `${promUrl}/api/v1/query?query=${encodeURIComponent(
          'count(slo:period_error_budget_remaining:ratio)',
        )}`,
      );
      const body = await res.json();
      return Number(body.data?.result?.[0]?.value?.[1]) === list.length;
    });
    backend = await startBenchBackend({
      name: 'slo',
      port: options.port,
      progress,
      config: () => ({
        backend: {
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token, subject: 'bench' },
                accessRestrictions: [{ plugin: 'slo' }],
              },
            ],
          },
        },
        slo: { specsDir, prometheus: { baseUrl: promUrl } },
      }),
      inMemoryDatabases: ['slo'],
      // The plugin itself, in this process, as packages/backend adds it.
      // eslint-disable-next-line @backstage/no-mixed-plugin-imports
      features: [import('@internal/backstage-plugin-slo-backend')],
    });
    const url = `${backend.baseUrl}/api/slo/slos`;
    const headers = { authorization: `Bearer ${token}` };
    let checked: { source: string; items: unknown[] } | undefined;
    for (let i = 0; i < 10; i++) {
      const res = await fetch(url, { headers });
      if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      checked = await res.json();
    }
    if (checked?.items.length !== list.length) {
      throw new Error(
        `the overview answered ${checked?.items.length} SLOs, not ${list.length}`,
      );
    }
    const times: number[] = [];
    for (let i = 0; i < options.requests; i++) {
      const start = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const round = (n: number | null) =>
      n === null ? null : Math.round(n * 100) / 100;
    const p95 = percentile(times, 95);
    return {
      bench: 'slo',
      slos: list.length,
      source: checked.source,
      requests: options.requests,
      overview_p50_ms: round(percentile(times, 50)),
      overview_p95_ms: round(p95),
      overview_max_ms: round(times[times.length - 1]),
      target_p95_ms: 300,
      pass: p95 !== null && p95 < 300,
    };
  } finally {
    await backend?.stop();
    await prometheus.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
