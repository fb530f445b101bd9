import {
  adviseOnError,
  type ErrorAdvice,
} from '@internal/backstage-plugin-scout-react';

/** What went wrong with a superset request, in words, and what to do about it. */
export function describeError(error: Error): ErrorAdvice {
  return adviseOnError(
    error,
    {
      404: {
        title: 'Superset has no embedded dashboard by this name',
        action:
          'Run ./scripts/yarn scout superset provision to (re)create the dashboards of platform-manifests/superset, then try again.',
      },
      503: {
        title: 'Superset is not available',
        action: 'Do what the message above says, then try again.',
      },
    },
    {
      title: 'The superset service failed',
      action: 'Try again; the backend log (plugin superset) has the details.',
    },
  );
}
