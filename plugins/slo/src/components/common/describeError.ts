import {
  adviseOnError,
  type ErrorAdvice,
} from '@internal/backstage-plugin-scout-react';

/** What went wrong with an SLO request, in words, and what to do about it. */
export function describeError(error: Error): ErrorAdvice {
  return adviseOnError(
    error,
    {
      404: {
        title: 'The SLO service does not know it',
        action:
          'SLOs are the specs under platform-manifests/observability/slos; check the id, or open the SLO page for the list.',
      },
      503: {
        title: 'The SLO source is not reachable',
        action:
          'Prometheus (slo.prometheus.baseUrl) did not answer: start it with ./scripts/yarn scout stack up, or remove the setting to use the embedded SLIs.',
      },
    },
    {
      title: 'The SLO service failed',
      action: 'Try again; the backend log (plugin slo) has the details.',
    },
  );
}
