import { errorStatus } from '../request';
import type { ErrorAdvice } from './ErrorPanel';

/** What every plugin says for these statuses, unless it says otherwise. */
const SHARED: Record<number, ErrorAdvice> = {
  0: {
    title: 'The portal backend is not reachable',
    action: 'Start the portal (./scripts/start.sh) and reload this page.',
  },
  401: {
    title: 'Not signed in',
    action: 'Your session has ended: sign in again and reload this page.',
  },
  403: {
    title: 'Access denied',
    action: 'Ask a portal admin for the permission named above.',
  },
};

/**
 * The advice for a failed request to the portal's backend, by the status of
 * `error` (a {@link BackendRequestError}: the HTTP status, 0 when nothing
 * answered; any other error gets `otherwise`). `byStatus` holds a plugin's
 * own words (its 404, its 503), `otherwise` what it says for any status
 * neither it nor the shared words (0, 401, 403) name.
 */
export function adviseOnError(
  error: unknown,
  byStatus: Partial<Record<number, ErrorAdvice>>,
  otherwise: ErrorAdvice,
): ErrorAdvice {
  const status = errorStatus(error);
  if (status === undefined) return otherwise;
  return byStatus[status] ?? SHARED[status] ?? otherwise;
}
