import { randomUUID } from 'node:crypto';
import type { RunEvent } from '../services/runEvent';

export const NS = 'trino://127.0.0.1:8080';

type Columns = Record<string, [string, string, string?][]>;

/** An OpenLineage facet: `body` with the producer and schema every facet names. */
export function facet<T extends object>(schema: string, body: T) {
  return {
    _producer: 'https://github.com/trinodb/trino',
    _schemaURL: `https://openlineage.io/spec/facets/1-0-1/${schema}.json`,
    ...body,
  };
}

/**
 * A COMPLETE event of job `job` reading `inputs` and writing `output`,
 * whose columns come from `columns`: out column -> [[dataset, field, type?]].
 */
export function runEvent(
  job: string,
  inputs: string[],
  output: string,
  columns: Columns,
  eventTime = '2026-12-01T10:00:00Z',
): RunEvent {
  return {
    eventType: 'COMPLETE',
    eventTime,
    producer: 'https://github.com/trinodb/trino',
    run: { runId: randomUUID() },
    job: {
      namespace: 'scout',
      name: job,
      facets: {
        sql: facet('SQLJobFacet', {
          query: `insert into ${output} select ...`,
        }),
      },
    },
    inputs: inputs.map(name => ({ namespace: NS, name })),
    outputs: [
      {
        namespace: NS,
        name: output,
        facets: {
          schema: facet('SchemaDatasetFacet', {
            fields: Object.keys(columns).map(name => ({
              name,
              type: 'varchar',
            })),
          }),
          columnLineage: facet('ColumnLineageDatasetFacet', {
            fields: Object.fromEntries(
              Object.entries(columns).map(([out, ins]) => [
                out,
                {
                  inputFields: ins.map(([name, field, type]) => ({
                    namespace: NS,
                    name,
                    field,
                    transformations: [
                      { type: type ?? 'DIRECT', subtype: 'IDENTITY' },
                    ],
                  })),
                },
              ]),
            ),
          }),
        },
      },
    ],
  };
}

/** bronze -> silver -> gold -> platinum, as the Scout models chain. */
export function scoutChain(): RunEvent[] {
  const bronze = 'iceberg.bronze.transactions';
  const silver = 'iceberg.silver.transactions';
  const stores = 'iceberg.silver.stores';
  const gold = 'iceberg.gold.daily_store_sales';
  const mix = 'iceberg.gold.payment_mix';
  const platinum = 'iceberg.platinum.store_features';
  return [
    runEvent('silver_transactions', [bronze], silver, {
      amount: [[bronze, 'total']],
      store_id: [[bronze, 'store_id']],
      payment: [[bronze, 'payment_method']],
    }),
    runEvent('gold_daily_store_sales', [silver, stores], gold, {
      revenue: [[silver, 'amount']],
      store_id: [[silver, 'store_id']],
      region: [[stores, 'region']],
    }),
    runEvent('gold_payment_mix', [silver], mix, {
      payment: [[silver, 'payment']],
      share: [[silver, 'amount', 'INDIRECT']],
    }),
    runEvent('platinum_store_features', [gold], platinum, {
      store_id: [[gold, 'store_id']],
      avg_revenue: [[gold, 'revenue']],
    }),
  ];
}
