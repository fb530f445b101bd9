import { scoutPipelineRunPermission } from '@internal/backstage-plugin-scout-node';
import { guestToken } from './backend.ts';
import { startPermissionBackend } from './permissionBackend.ts';

export type PermissionBenchOptions = {
  /** Timed requests per route, after the warm-up. */
  requests: number;
  port: number;
};

const WARMUP = 200;
const TARGET_MS = 2;
// A platform-team member asking for a group row: the policy looks up groups.
const PERMISSION = scoutPipelineRunPermission;
const OWNERSHIP = ['user:default/bench', 'group:default/platform-team'];

/** The p-th percentile in milliseconds (three decimals: the budget is 2 ms). */
const percentile = (sorted: number[], p: number) =>
  +sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ].toFixed(3);

/**
 * What a permission check adds to a request: one backend serves the same
 * handler at /plain, without a check, and at /checked, with a check through
 * the real permission backend and the Scout policy (./permissionBackend.ts).
 * Requests alternate between the two, so both see the same machine. Besides
 * the difference it reports the check alone (server-side), the policy's own
 * decision within it, and the CPU time (client and server: one process) that
 * a request costs with and without the check.
 */
export async function benchPermission(
  options: PermissionBenchOptions,
  progress: (msg: string) => void,
) {
  progress(`starting a backend on :${options.port}`);
  const backend = await startPermissionBackend({
    port: options.port,
    permission: PERMISSION,
    ownership: OWNERSHIP,
    progress,
  });
  try {
    const token = await guestToken(backend.baseUrl);
    const get = async (route: 'plain' | 'checked') => {
      const started = performance.now();
      const res = await fetch(`${backend.baseUrl}/api/bench/${route}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const text = await res.text();
      if (res.status !== 200) {
        throw new Error(`/${route} answered ${res.status}: ${text}`);
      }
      return performance.now() - started;
    };

    progress(`warming up (${WARMUP} requests per route)`);
    for (let i = 0; i < WARMUP; i++) {
      await get('plain');
      await get('checked');
    }
    progress(`timing ${options.requests} requests per route`);
    const { authorize, policy } = backend.timings;
    authorize.length = 0;
    policy.length = 0;
    const plain: number[] = [];
    const checked: number[] = [];
    for (let i = 0; i < options.requests; i++) {
      // Alternating which goes first, so neither always follows the other.
      if (i % 2) {
        plain.push(await get('plain'));
        checked.push(await get('checked'));
      } else {
        checked.push(await get('checked'));
        plain.push(await get('plain'));
      }
    }
    // CPU time per request, which load from other processes changes less
    // than wall time: blocks in the order plain, checked, checked, plain.
    progress('measuring CPU time per request');
    const cpu = { plain: 0, checked: 0 };
    const block = Math.max(1, Math.floor(options.requests / 4));
    for (const route of ['plain', 'checked', 'checked', 'plain'] as const) {
      const started = process.cpuUsage();
      for (let i = 0; i < block; i++) await get(route);
      const used = process.cpuUsage(started);
      cpu[route] += (used.user + used.system) / 1000 / (2 * block);
    }
    for (const times of [plain, checked, authorize, policy]) {
      times.sort((a, b) => a - b);
    }
    const at = (q: number) => ({
      plain: percentile(plain, q),
      checked: percentile(checked, q),
      authorize: percentile(authorize, q),
      policy: percentile(policy, q),
    });
    const p50 = at(50);
    const p95 = at(95);
    return {
      bench: 'permission-policy',
      permission: PERMISSION.name,
      decision: 'ALLOW',
      requests_per_route: options.requests,
      plain_p50_ms: p50.plain,
      plain_p95_ms: p95.plain,
      checked_p50_ms: p50.checked,
      checked_p95_ms: p95.checked,
      p50_added_ms: +(p50.checked - p50.plain).toFixed(3),
      p95_added_ms: +(p95.checked - p95.plain).toFixed(3),
      p50_ratio: +(p50.checked / p50.plain).toFixed(2),
      authorize_p50_ms: p50.authorize,
      authorize_p95_ms: p95.authorize,
      policy_p50_ms: p50.policy,
      policy_p95_ms: p95.policy,
      cpu_plain_ms: +cpu.plain.toFixed(3),
      cpu_checked_ms: +cpu.checked.toFixed(3),
      cpu_added_ms: +(cpu.checked - cpu.plain).toFixed(3),
      target_ms: TARGET_MS,
    };
  } finally {
    await backend.stop();
  }
}
