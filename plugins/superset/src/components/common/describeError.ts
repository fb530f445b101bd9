import { SupersetError } from '../../api';

/** What went wrong, in words, and what the reader can do about it. */
export function describeError(error: Error): { title: string; action: string } {
  const status = error instanceof SupersetError ? error.status : undefined;
  switch (status) {
    case 0:
      return {
        title: 'The portal backend is not reachable',
        action: 'Start the portal (./scripts/start.sh) and try again.',
      };
    case 401:
      return {
        title: 'Not signed in',
        action: 'Your session has ended: sign in again and reload this page.',
      };
    case 404:
      return {
        title: 'Superset has no embedded dashboard by this name',
        action:
          'Run ./scripts/yarn scout superset provision to (re)create the dashboards of platform-manifests/superset, then try again.',
      };
    case 503:
      return {
        title: 'Superset is not available',
        action: 'Do what the message above says, then try again.',
      };
    default:
      return {
        title: 'The superset service failed',
        action: 'Try again; the backend log (plugin superset) has the details.',
      };
  }
}
