import { SloError } from '../../api';

/** What went wrong, in words, and what the reader can do about it. */
export function describeError(error: Error): { title: string; action: string } {
  const status = error instanceof SloError ? error.status : undefined;
  switch (status) {
    case 0:
      return {
        title: 'The portal backend is not reachable',
        action: 'Start the portal (./scripts/start.sh) and reload this page.',
      };
    case 404:
      return {
        title: 'The SLO service does not know it',
        action:
          'SLOs are the specs under platform-manifests/observability/slos; check the id, or open the SLO page for the list.',
      };
    case 401:
      return {
        title: 'Not signed in',
        action: 'Your session has ended: sign in again and reload this page.',
      };
    case 403:
      return {
        title: 'Access denied',
        action: 'Ask a portal admin for the permission named above.',
      };
    case 503:
      return {
        title: 'The SLO source is not reachable',
        action:
          'Prometheus (slo.prometheus.baseUrl) did not answer: start it with ./scripts/yarn scout stack up, or remove the setting to use the embedded SLIs.',
      };
    default:
      return {
        title: 'The SLO service failed',
        action: 'Try again; the backend log (plugin slo) has the details.',
      };
  }
}
