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
 * The advice for a failed request to the portal's backend. `status` is the
 * response's HTTP status, 0 when nothing answered, undefined when the error
 * came from elsewhere. `byStatus` holds a plugin's own words (its 404, its
 * 503), `otherwise` what it says for any status neither it nor the shared
 * words (0, 401, 403) name.
 */
export function adviseOnError(
  status: number | undefined,
  byStatus: Partial<Record<number, ErrorAdvice>>,
  otherwise: ErrorAdvice,
): ErrorAdvice {
  if (status === undefined) return otherwise;
  return byStatus[status] ?? SHARED[status] ?? otherwise;
}
