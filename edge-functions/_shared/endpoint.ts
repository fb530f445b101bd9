import { createVerifier, JwtOptions, requireRoleOrScope } from './auth';
import { HttpError, HttpOptions, json, preflight } from './http';

export type EndpointOptions = HttpOptions & { jwt: JwtOptions };

/**
 * The frame every function shares: CORS preflight, POST only, a bearer JWT
 * with service_role or the given scope, and HttpErrors answered as JSON.
 * `handle` runs only for authorised POSTs; `onRejected` sees each refusal.
 */
export function postEndpoint(
  options: EndpointOptions,
  scope: string,
  handle: (req: Request) => Promise<Response>,
  onRejected?: (status: number) => void,
): (req: Request) => Promise<Response> {
  const verify = createVerifier(options.jwt);
  return async req => {
    if (req.method === 'OPTIONS') return preflight(req, options);
    try {
      if (req.method !== 'POST') throw new HttpError(405, 'Use POST.');
      requireRoleOrScope(await verify(req.headers.get('authorization')), scope);
      return await handle(req);
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      onRejected?.(e.status);
      return json(req, options, e.status, { error: e.message });
    }
  };
}
