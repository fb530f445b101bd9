import { NS, runEvent } from '../__testUtils__/events';
import { normalizeEvent } from './normalize';

const RUN_CATALOG = {
  pattern: /^run_[0-9]{8}_[0-9]{6}_[0-9a-f]{4}\./,
  replacement: 'iceberg.',
};

describe('normalizeEvent', () => {
  it("names a pipeline run's tables as main's, in datasets and in column lineage", () => {
    const event = runEvent(
      'dbt',
      ['run_20261201_030556_a3af.silver.transactions'],
      'run_20261201_030556_a3af.gold.daily_store_sales',
      { revenue: [['run_20261201_030556_a3af.silver.transactions', 'amount']] },
    );
    const seen = normalizeEvent(event, [RUN_CATALOG]);
    expect(seen.inputs!.map(d => d.name)).toEqual([
      'iceberg.silver.transactions',
    ]);
    expect(seen.outputs![0].name).toBe('iceberg.gold.daily_store_sales');
    expect(
      (seen.outputs![0].facets as any).columnLineage.fields.revenue
        .inputFields[0],
    ).toMatchObject({
      namespace: NS,
      name: 'iceberg.silver.transactions',
      field: 'amount',
    });
    // Trino's dataset-level list (facet 1-2-0) names the run's tables too.
    (event.outputs![0].facets as any).columnLineage.dataset = [
      {
        namespace: NS,
        name: 'run_20261201_030556_a3af.silver.transactions',
        field: 'store_id',
      },
    ];
    expect(
      (normalizeEvent(event, [RUN_CATALOG]).outputs![0].facets as any)
        .columnLineage.dataset[0].name,
    ).toBe('iceberg.silver.transactions');
    // The event as sent is untouched.
    expect(event.outputs![0].name).toBe(
      'run_20261201_030556_a3af.gold.daily_store_sales',
    );
    // Other names pass through.
    expect(normalizeEvent(event, []).outputs![0].name).toBe(
      event.outputs![0].name,
    );
  });

  it('names a Trino query-id job after what it writes, and drops one that writes nothing', () => {
    const event = runEvent(
      '20261201_041530_00012_abcde',
      ['a.b.c'],
      'a.b.d',
      {},
    );
    expect(normalizeEvent(event, []).job).toMatchObject({
      name: 'write a.b.d',
    });
    expect(normalizeEvent({ ...event, outputs: [] }, []).job).toBeNull();
    expect(
      normalizeEvent(runEvent('gold_payment_mix', [], 'a.b.d', {}), []).job!
        .name,
    ).toBe('gold_payment_mix');
  });

  it("moves a dataset to the rule's namespace, in column lineage too", () => {
    const rule = {
      pattern: /^postgresql\.scout\./,
      replacement: 'scout.scout.',
      namespace: 'postgres://scout',
    };
    const seen = normalizeEvent(
      runEvent('load', ['postgresql.scout.stores'], 'iceberg.bronze.stores', {
        name: [['postgresql.scout.stores', 'name']],
      }),
      [rule],
    );
    expect(seen.inputs![0]).toMatchObject({
      namespace: 'postgres://scout',
      name: 'scout.scout.stores',
    });
    expect(seen.outputs![0]).toMatchObject({
      namespace: NS,
      name: 'iceberg.bronze.stores',
    });
    expect(
      (seen.outputs![0].facets as any).columnLineage.fields.name.inputFields[0],
    ).toMatchObject({
      namespace: 'postgres://scout',
      name: 'scout.scout.stores',
      field: 'name',
    });
  });

  it("names a RENAME's old dataset as the graph names it", () => {
    const event = runEvent(
      'rename',
      [],
      'run_20261201_030556_a3af.gold.new',
      {},
    );
    const lifecycle = {
      _producer: 'p',
      _schemaURL: 's',
      lifecycleStateChange: 'RENAME',
      previousIdentifier: {
        namespace: NS,
        name: 'run_20261201_030556_a3af.gold.old',
      },
    };
    event.outputs![0].facets!.lifecycleStateChange = lifecycle;
    const seen = normalizeEvent(event, [RUN_CATALOG]).outputs![0];
    expect(seen.name).toBe('iceberg.gold.new');
    expect((seen.facets as any).lifecycleStateChange).toEqual({
      ...lifecycle,
      previousIdentifier: { namespace: NS, name: 'iceberg.gold.old' },
    });
    // Its other facets stay; the event as sent is untouched.
    expect((seen.facets as any).columnLineage).toBeDefined();
    expect(lifecycle.previousIdentifier.name).toBe(
      'run_20261201_030556_a3af.gold.old',
    );
    // A malformed one passes through as sent, for the store to ignore.
    lifecycle.previousIdentifier = 'old' as any;
    expect(
      (normalizeEvent(event, [RUN_CATALOG]).outputs![0].facets as any)
        .lifecycleStateChange.previousIdentifier,
    ).toBe('old');
  });
});
