import {
  ConflictError,
  InputError,
  isError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  NessieError,
  NessieUnavailableError,
  TrinoQueryError,
  TrinoUnavailableError,
} from '@internal/backstage-plugin-scout-node';

const WHAT_TO_DO =
  'Start the lakehouse stack with `./scripts/yarn scout stack up` (then `./scripts/yarn scout lakehouse init` once), or set lakehouse.engine to duckdb.';

const NOT_FOUND = new Set([
  'CATALOG_NOT_FOUND',
  'SCHEMA_NOT_FOUND',
  'TABLE_NOT_FOUND',
  'COLUMN_NOT_FOUND',
]);
const UNAVAILABLE = new Set([
  'SERVER_STARTING_UP',
  'SERVER_SHUTTING_DOWN',
  'NO_NODES_AVAILABLE',
]);

/**
 * Turns what Trino and Nessie throw into @backstage/errors types, which the
 * backend's error handler answers with the right status. Anything else is
 * a fault of ours and stays a 500.
 */
export function toBackstageError(error: unknown): unknown {
  if (
    error instanceof TrinoUnavailableError ||
    error instanceof NessieUnavailableError
  ) {
    return new ServiceUnavailableError(`${error.message}. ${WHAT_TO_DO}`);
  }
  if (error instanceof TrinoQueryError) {
    const { errorName, errorType, message } = error.error;
    if (NOT_FOUND.has(errorName)) return new NotFoundError(message);
    // Trino's access control refused the user the query runs as.
    if (errorName === 'PERMISSION_DENIED') {
      return new NotAllowedError(`Trino: ${message}`);
    }
    if (UNAVAILABLE.has(errorName)) {
      return new ServiceUnavailableError(`Trino: ${message}. ${WHAT_TO_DO}`);
    }
    if (errorType === 'USER_ERROR') return new InputError(message);
    return error;
  }
  if (error instanceof NessieError) {
    const message = error.reason ?? error.message;
    if (error.status === 404) return new NotFoundError(message);
    if (error.status === 400) return new InputError(message);
    if (error.status === 409) return new ConflictError(message);
    if (error.status === 503) {
      return new ServiceUnavailableError(`Nessie: ${message}. ${WHAT_TO_DO}`);
    }
    return error;
  }
  return isError(error) ? error : new Error(String(error));
}

/** Runs `fn`, converting its failure with toBackstageError. */
export async function atBoundary<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toBackstageError(error);
  }
}
