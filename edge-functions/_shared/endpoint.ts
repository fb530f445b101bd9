import { createVerifier, JwtOptions, requireRoleOrScope } from './auth';
import { HttpError, HttpOptions, json, preflight } from './http';

/** The frame's options; `onServerError` (from HttpOptions) receives what 5xx bodies leave out. */
export type EndpointOptions = HttpOptions & { jwt: JwtOptions };

/** What the frame tells a handler about its request. */
export type RequestContext = {
  /** Also the `x-request-id` response header and a 5xx body's `request_id`. */
  requestId: string;
};

// Ids are echoed in headers and stored in bronze: a bounded, inert charset.
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * The caller's `x-request-id` when it is a sane token (1 to 128 characters of
 * letters, digits and `._:-`, starting with a letter or digit), else a new
 * random UUID.
 */
export function requestIdOf(header: string | null): string {
  return header && SANE_REQUEST_ID.test(header) ? header : crypto.randomUUID();
}

/** The body of a 5xx that is not our own HttpError: nothing of the cause, only the id to quote. */
export function serverErrorBody(requestId: string) {
  return {
    error: `An internal error occurred. Quote request_id ${requestId} when you report it.`,
    request_id: requestId,
  };
}

/**
 * The frame every function shares: CORS preflight, POST only, a bearer JWT
 * with service_role or the given scope, and errors answered as JSON.
 * `handle` runs only for authorised POSTs; `onRejected` sees the status of
 * each refusal, 4xx and 5xx. Every response carries `x-request-id`. A 5xx
 * body is `{ error, request_id }`: an HttpError's own message, or for any
 * other error a generic one; the error itself goes to `onServerError` only.
 */
export function postEndpoint(
  options: EndpointOptions,
  scope: string,
  handle: (req: Request, ctx: RequestContext) => Promise<Response>,
  onRejected?: (status: number) => void,
): (req: Request) => Promise<Response> {
  const verify = createVerifier(options.jwt);

  async function answer(req: Request, requestId: string): Promise<Response> {
    if (req.method === 'OPTIONS') return preflight(req, options);
    try {
      if (req.method !== 'POST') throw new HttpError(405, 'Use POST.');
      requireRoleOrScope(await verify(req.headers.get('authorization')), scope);
      return await handle(req, { requestId });
    } catch (e) {
      const status = e instanceof HttpError ? e.status : 500;
      onRejected?.(status);
      if (e instanceof HttpError && status < 500) {
        return json(req, options, status, { error: e.message }, e.headers);
      }
      try {
        options.onServerError?.(e, { requestId, request: req });
      } catch {
        // A failing logger must not turn into a second, unhandled error.
      }
      if (!(e instanceof HttpError)) {
        return json(req, options, status, serverErrorBody(requestId));
      }
      return json(
        req,
        options,
        status,
        { error: e.message, request_id: requestId },
        e.headers,
      );
    }
  }

  return async req => {
    const requestId = requestIdOf(req.headers.get('x-request-id'));
    const response = await answer(req, requestId);
    // A copy, since a Response's headers may be immutable (one from fetch).
    const tagged = new Response(response.body, response);
    tagged.headers.set('x-request-id', requestId);
    return tagged;
  };
}
