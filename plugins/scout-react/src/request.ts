/**
 * A failed request to one of the portal's backend plugins, carrying what
 * the backend said. Backstage backends serialize `@backstage/errors` types
 * as `{ error: { name, message } }`; `status` is the HTTP status, or 0 when
 * the backend could not be reached at all.
 */
export class BackendRequestError extends Error {
  readonly status: number;

  constructor(options: { name: string; message: string; status: number }) {
    super(options.message);
    this.name = options.name;
    this.status = options.status;
  }

  /** The error a non-2xx response stands for; its body's message when it has one. */
  static async fromResponse(
    response: Pick<Response, 'status' | 'statusText' | 'json'>,
  ): Promise<BackendRequestError> {
    const body: unknown = await response.json().catch(() => undefined);
    const error =
      typeof body === 'object' && body !== null && 'error' in body
        ? (body.error as { name?: unknown; message?: unknown } | null)
        : undefined;
    return new BackendRequestError({
      name: typeof error?.name === 'string' ? error.name : 'Error',
      message:
        typeof error?.message === 'string'
          ? error.message
          : `Request failed with ${response.status} ${response.statusText}`,
      status: response.status,
    });
  }
}

/** The HTTP status of a failed backend request (0: no answer); undefined for other errors. */
export function errorStatus(error: unknown): number | undefined {
  return error instanceof BackendRequestError ? error.status : undefined;
}

/**
 * The JSON body of a generated client's response. Throws a
 * {@link BackendRequestError}: status 0 when the request got no answer,
 * else the response's status and the backend's message.
 */
export async function readJson<T>(
  pending: Promise<{
    ok: boolean;
    status: number;
    statusText: string;
    json(): Promise<T>;
  }>,
): Promise<T> {
  let response: Awaited<typeof pending>;
  try {
    response = await pending;
  } catch (e) {
    throw new BackendRequestError({
      name: 'NetworkError',
      message: `The portal backend could not be reached (${String(e)}).`,
      status: 0,
    });
  }
  if (!response.ok) throw await BackendRequestError.fromResponse(response);
  return response.json();
}
