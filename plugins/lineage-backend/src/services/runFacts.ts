import {
  parseExpectationsResults,
  type PipelineRunEventPayload,
} from '@internal/backstage-plugin-scout-node';
import { readFile } from 'node:fs/promises';
import type { RunEvent } from './runEvent';

/**
 * The Great Expectations results of a run (results.json) as one event per
 * checked table whose input carries the expectations as data quality
 * assertions with `source: great_expectations`. Tables are named
 * `postgresql.<schema>.<table>` in `namespace`, as the bronze load names
 * them, so the rewrites put them on the scout database's nodes.
 */
export async function expectationEvents(
  path: string,
  namespace: string,
): Promise<RunEvent[]> {
  const results = parseExpectationsResults(
    JSON.parse(await readFile(path, 'utf8')),
  );
  return Object.entries(results.tables).map(([table, expectations]) => ({
    eventType: 'COMPLETE',
    eventTime: results.validatedAt,
    producer: 'urn:scout:pipeline:expectations',
    run: { runId: results.validatedAt },
    job: { namespace, name: `expectations ${results.suite}` },
    inputs: [
      {
        namespace,
        name: `postgresql.${table}`,
        inputFacets: {
          dataQualityAssertions: {
            assertions: expectations.map(e => ({
              assertion: e.assertion,
              success: e.success,
              ...(e.column ? { column: e.column } : {}),
              status: e.status,
              source: 'great_expectations',
              ...(e.success
                ? {}
                : {
                    message: e.message,
                    failures: e.failures,
                    failingRowsQuery: e.failingRowsQuery,
                  }),
            })),
          },
        },
      },
    ],
  }));
}

/**
 * The datasets a run built or checked, with the rows it left: every
 * dataset its events name (models, their sources, checked tables), and for
 * each the count of the run's `<layer>.<table>` that the name ends with.
 */
export function runDatasets(
  events: RunEvent[],
  rows: PipelineRunEventPayload['rows'],
): { namespace: string; name: string; rows: number | null }[] {
  const byName = new Map<string, { namespace: string; name: string }>();
  for (const e of events) {
    for (const d of [...(e.inputs ?? []), ...(e.outputs ?? [])]) {
      byName.set(`${d.namespace}\0${d.name}`, d);
    }
  }
  return [...byName.values()].map(d => {
    const layerTable = d.name.split('.').slice(-2).join('.');
    return {
      namespace: d.namespace,
      name: d.name,
      rows: rows?.[layerTable] ?? null,
    };
  });
}
