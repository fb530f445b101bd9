import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './backend.ts';
import { percentile } from './stats.ts';

const MINT_TARGET_MS = 200;
const FIRST_CHART_TARGET_MS = 5000;
const WARMUP = 3;
// Untimed embedded loads first: each of Superset's two gunicorn workers
// spends about a second more on its first one after a start.
const EMBED_WARMUP = 2;

type Dashboard = { slug: string; title: string };

/** The median (the mean of the two middle values of an even count), or null. */
function median(values: number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (!sorted.length) return null;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The guest's Backstage token from a running portal. */
async function guestToken(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  }).catch((error: Error) => {
    throw new Error(
      `no portal answers at ${url} (${error.message}): start one with ./scripts/start.sh`,
    );
  });
  if (!response.ok) {
    throw new Error(`guest sign-in at ${url}: ${response.status}`);
  }
  const body = (await response.json()) as {
    backstageIdentity: { token: string };
  };
  return body.backstageIdentity.token;
}

/**
 * Superset embedded in a running portal (./scripts/start.sh, with
 * `scout stack up superset` and `scout superset provision` done): the time
 * to mint a guest token through POST /api/superset/dashboards/{slug}/
 * guest-token as the guest (`requests` of them, round-robin over the
 * dashboards, after 3 untimed), then, in headless Chromium with an empty
 * cache each time, the time from opening the Dashboards page on the first
 * dashboard until its first chart has drawn inside the embedded frame
 * (`runs` times after 2 untimed loads that warm Superset's workers, whose
 * times are reported apart; scripts/bench/superset-embed.ts). Targets: mint p95 under
 * 200 ms, first chart under 5 s (median).
 */
export async function benchSuperset(
  options: { url: string; requests: number; runs: number },
  progress: (msg: string) => void,
) {
  const url = options.url.replace(/\/$/, '');
  const headers = { authorization: `Bearer ${await guestToken(url)}` };
  const list = (await (
    await fetch(`${url}/api/superset/dashboards`, { headers })
  ).json()) as {
    superset: { state: string; message: string };
    dashboards: Dashboard[];
  };
  if (list.superset.state !== 'ready') {
    throw new Error(
      `Superset is ${list.superset.state}: ${list.superset.message}`,
    );
  }
  if (!list.dashboards.length) {
    throw new Error(
      'Superset has no embedded dashboards: run ./scripts/yarn scout superset provision',
    );
  }
  progress(
    `minting ${options.requests} guest tokens over ${list.dashboards.length} dashboards`,
  );
  const times: number[] = [];
  for (let i = 0; i < options.requests + WARMUP; i++) {
    const { slug } = list.dashboards[i % list.dashboards.length];
    const started = performance.now();
    const response = await fetch(
      `${url}/api/superset/dashboards/${slug}/guest-token`,
      { method: 'POST', headers },
    );
    if (!response.ok) {
      throw new Error(
        `guest token for ${slug}: ${response.status} ${await response.text()}`,
      );
    }
    await response.json();
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);

  const first = list.dashboards[0];
  progress(
    `opening ${first.slug} on the Dashboards page ${options.runs} times in Chromium`,
  );
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      join(repoRoot, 'scripts/bench/superset-embed.ts'),
      url,
      String(options.runs),
      first.slug,
      String(EMBED_WARMUP),
    ],
    { cwd: repoRoot, maxBuffer: 2 ** 20 },
  );
  const chart = JSON.parse(stdout.trim().split('\n').pop()!) as {
    warmup_runs_ms: number[];
    runs_ms: number[];
    frame_runs_ms: number[];
  };
  const mintP95 = percentile(times, 95);
  const chartMedian = median(chart.runs_ms);
  return {
    bench: 'superset',
    url,
    dashboards: list.dashboards.length,
    requests: options.requests,
    mint_p50_ms: percentile(times, 50),
    mint_p95_ms: mintP95,
    first_chart_dashboard: first.slug,
    first_chart_warmup_runs_ms: chart.warmup_runs_ms,
    first_chart_runs_ms: chart.runs_ms,
    first_chart_median_ms: chartMedian,
    // The same, from when the frame began to load: Superset's share.
    first_chart_from_frame_runs_ms: chart.frame_runs_ms,
    first_chart_from_frame_median_ms: median(chart.frame_runs_ms),
    targets: {
      mint_p95_ms: MINT_TARGET_MS,
      first_chart_ms: FIRST_CHART_TARGET_MS,
    },
    within_target:
      mintP95 !== null &&
      mintP95 < MINT_TARGET_MS &&
      chartMedian !== null &&
      chartMedian < FIRST_CHART_TARGET_MS,
    load_average: Number(loadavg()[0].toFixed(1)),
  };
}
