import {
  adviseOnError,
  type ErrorAdvice,
} from '@internal/backstage-plugin-scout-react';

/** What went wrong with a scout request, in words, and what to do about it. */
export function describeError(error: Error): ErrorAdvice {
  return adviseOnError(
    error,
    {
      503: {
        title: 'The scout database is not reachable',
        action:
          'Check the scout section of app-config.yaml (./scripts/start.sh starts the embedded database), then try again.',
      },
      404: {
        title: 'Not found',
        action: 'The backend does not know it; go back to the Pipeline page.',
      },
    },
    {
      title: 'The scout request failed',
      action: 'Try again; the backend log has the details.',
    },
  );
}
