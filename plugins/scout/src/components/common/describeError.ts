import { errorStatus } from '../../api';

/** What went wrong, in words, and what the reader can do about it. */
export function describeError(error: Error): { title: string; action: string } {
  switch (errorStatus(error)) {
    case 0:
      return {
        title: 'The portal backend is not reachable',
        action: 'Start the portal (yarn dev) and reload this page.',
      };
    case 503:
      return {
        title: 'The scout database is not reachable',
        action:
          'Check the scout section of app-config.yaml (yarn dev starts the embedded database), then try again.',
      };
    case 404:
      return {
        title: 'Not found',
        action: 'The backend does not know it; go back to the Pipeline page.',
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
    default:
      return {
        title: 'The scout request failed',
        action: 'Try again; the backend log has the details.',
      };
  }
}
