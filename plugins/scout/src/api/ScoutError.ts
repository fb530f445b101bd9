/**
 * A failed scout request, carrying what the backend said.
 *
 * The backend serializes `@backstage/errors` types as
 * `{ error: { name, message } }`; `status` is the HTTP status, or 0 when the
 * backend could not be reached at all.
 */
export class ScoutError extends Error {
  readonly status: number;

  constructor(options: { name: string; message: string; status: number }) {
    super(options.message);
    this.name = options.name;
    this.status = options.status;
  }

  static async fromResponse(
    response: Pick<Response, 'status' | 'statusText' | 'json'>,
  ): Promise<ScoutError> {
    const fallback = `Request failed with ${response.status} ${response.statusText}`;
    const body = await response.json().catch(() => undefined);
    const error = isErrorBody(body) ? body.error : undefined;
    return new ScoutError({
      name: error?.name ?? 'Error',
      message: error?.message ?? fallback,
      status: response.status,
    });
  }
}

/** The HTTP status of a failed scout request; undefined for other errors. */
export function errorStatus(error: unknown): number | undefined {
  return error instanceof ScoutError ? error.status : undefined;
}

function isErrorBody(
  body: unknown,
): body is { error: { name: string; message: string } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) {
    return false;
  }
  const error = body.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    'message' in error &&
    typeof error.name === 'string' &&
    typeof error.message === 'string'
  );
}
