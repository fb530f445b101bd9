import {
  adviseOnError,
  type ErrorAdvice,
} from '@internal/backstage-plugin-scout-react';

/** What went wrong with a lakehouse request, in words, and what to do about it. */
export function describeError(error: Error): ErrorAdvice {
  return adviseOnError(
    error,
    {
      503: {
        title: 'The lakehouse engine is not reachable',
        action:
          'Start Trino and Nessie with ./scripts/yarn scout stack up (./scripts/yarn scout stack status shows what runs), or browse the embedded DuckDB lakehouse instead: set lakehouse.engine to duckdb, the default.',
      },
      404: {
        title: 'Not found',
        action:
          'Check the catalog, layer and table names. If the table is new, the pipeline may not have published it yet: run ./scripts/yarn scout pipeline run.',
      },
      400: {
        title: 'The request was rejected',
        action:
          'Catalog, layer and table names are lower-case SQL identifiers; check the address.',
      },
      // The message above it names what was refused, and by whom: the
      // portal's permission policy or Trino's access control.
      403: {
        title: 'Access denied',
        action:
          'What you may read follows your teams in the catalog. Browse another layer, or ask the team that owns this table for access.',
      },
    },
    {
      title: 'The lakehouse request failed',
      action: 'Try again; the backend log has the details.',
    },
  );
}
