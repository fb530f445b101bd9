import { LakehouseError } from '../../api';

/** What went wrong, in words, and what the reader can do about it. */
export function describeError(error: Error): { title: string; action: string } {
  const status = error instanceof LakehouseError ? error.status : undefined;
  switch (status) {
    case 0:
      return {
        title: 'The portal backend is not reachable',
        action: 'Start the portal (yarn dev) and reload this page.',
      };
    case 503:
      return {
        title: 'The lakehouse engine is not reachable',
        action:
          'Start Trino and Nessie with ./scripts/yarn scout stack up (./scripts/yarn scout stack status shows what runs), or browse the embedded DuckDB lakehouse instead: set lakehouse.engine to duckdb, the default.',
      };
    case 404:
      return {
        title: 'Not found',
        action:
          'Check the catalog, layer and table names. If the table is new, the pipeline may not have published it yet: run ./scripts/yarn scout pipeline run.',
      };
    case 400:
      return {
        title: 'The request was rejected',
        action:
          'Catalog, layer and table names are lower-case SQL identifiers; check the address.',
      };
    case 401:
      return {
        title: 'Not signed in',
        action: 'Your session has ended: sign in again and reload this page.',
      };
    case 403:
      // The message above it names what was refused, and by whom: the
      // portal's permission policy or Trino's access control.
      return {
        title: 'Access denied',
        action:
          'What you may read follows your teams in the catalog. Browse another layer, or ask the team that owns this table for access.',
      };
    default:
      return {
        title: 'The lakehouse request failed',
        action: 'Try again; the backend log has the details.',
      };
  }
}
