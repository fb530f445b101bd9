import { parseSloSpec } from '@internal/backstage-plugin-slo-common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import { sloDatabases } from '../__testUtils__/databases';
import type { HistoryPoint, PrometheusSource } from './PrometheusSource';
import { SloService } from './SloService';
import { SloStore } from './SloStore';

const databases = sloDatabases();
afterAll(() => databases.closeAll());

const FILE = 'ingest-doc-availability.yaml';
const def = parseSloSpec(
  readFileSync(
    join(repositoryRoot(), 'platform-manifests/observability/slos', FILE),
    'utf8',
  ),
  FILE,
);
const STEP = 300_000;
const NOW = Date.UTC(2026, 11, 1, 12, 0);

// Prometheus as a range read of kept points: the merge is ours to test (the
// range query itself runs against real Prometheus in prometheus.test.ts).
function prometheus(kept: HistoryPoint[], calls: unknown[][] = []) {
  return {
    history: async (...args: unknown[]) => {
      calls.push(args);
      return kept;
    },
  } as unknown as PrometheusSource;
}

describe.each(databases.ids)('SloService.history (%s)', id => {
  it("fills from Prometheus' range what was not recorded; recorded points win", async () => {
    const store = SloStore.create(await databases.init(id));
    await store.addHistory([
      {
        sloId: def.id,
        at: NOW - STEP,
        sli: 0.9995,
        budgetRemaining: 0.5,
        source: 'embedded',
      },
    ]);
    const calls: unknown[][] = [];
    const service = SloService.create({
      defs: [def],
      source: {
        kind: 'prometheus',
        source: prometheus(
          [
            { at: NOW - 3 * STEP, sli: 0.999, budgetRemaining: 0.9 },
            { at: NOW - STEP, sli: 0.5, budgetRemaining: -10 },
          ],
          calls,
        ),
      },
      store,
      historyIntervalMs: STEP,
    });
    const history = await service.history(def.id, 1, NOW + 1000);
    // From the first step in the 1 day asked for, to the last one before now.
    expect(calls).toEqual([[def, NOW - 86_400_000 + STEP, NOW, STEP]]);
    expect(history.points).toEqual([
      {
        at: new Date(NOW - 3 * STEP).toISOString(),
        sli: 0.999,
        errorBudgetRemaining: 0.9,
        source: 'prometheus',
      },
      {
        at: new Date(NOW - STEP).toISOString(),
        sli: 0.9995,
        errorBudgetRemaining: 0.5,
        source: 'embedded',
      },
    ]);
  });

  it('keeps the recorded points when Prometheus does not answer', async () => {
    const store = SloStore.create(await databases.init(id));
    await store.addHistory([
      {
        sloId: def.id,
        at: NOW - STEP,
        sli: 1,
        budgetRemaining: 1,
        source: 'prometheus',
      },
    ]);
    const service = SloService.create({
      defs: [def],
      source: {
        kind: 'prometheus',
        source: {
          history: async () => {
            throw new Error('connection refused');
          },
        } as unknown as PrometheusSource,
      },
      store,
      historyIntervalMs: STEP,
    });
    expect((await service.history(def.id, 1, NOW)).points).toHaveLength(1);
  });
});
