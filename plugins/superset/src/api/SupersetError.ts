/**
 * A failed superset request: the backend's `@backstage/errors` body
 * (`{ error: { name, message } }`) and the HTTP status, 0 when the backend
 * could not be reached.
 */
export class SupersetError extends Error {
  readonly status: number;

  constructor(options: { name: string; message: string; status: number }) {
    super(options.message);
    this.name = options.name;
    this.status = options.status;
  }

  static async fromResponse(
    response: Pick<Response, 'status' | 'statusText' | 'json'>,
  ): Promise<SupersetError> {
    const body: unknown = await response.json().catch(() => undefined);
    const error =
      typeof body === 'object' && body !== null && 'error' in body
        ? (body.error as { name?: unknown; message?: unknown } | null)
        : undefined;
    return new SupersetError({
      name: typeof error?.name === 'string' ? error.name : 'Error',
      message:
        typeof error?.message === 'string'
          ? error.message
          : `Request failed with ${response.status} ${response.statusText}`,
      status: response.status,
    });
  }
}
