import {
  SLO_ALERTS,
  SLOTH_LABELS,
} from '@internal/backstage-plugin-slo-common';

/** Where pages go: the portal's SLO alert receiver on the local backend. */
export const ALERT_WEBHOOK_URL = 'http://127.0.0.1:7007/api/slo/alerts';
/**
 * The webhook's bearer token file, relative to alertmanager.yml: the stack
 * copies the config into its run directory and writes the token beside it.
 */
export const ALERT_WEBHOOK_TOKEN_FILE = 'webhook.token';

/**
 * Alertmanager's configuration for the SLO alerts: pages (`severity="page"`)
 * to the portal's webhook, tickets to a receiver without notifiers (the
 * portal shows them from Prometheus' ALERTS), grouped per SLO.
 */
export function alertmanagerConfig() {
  return {
    route: {
      receiver: 'slo-tickets',
      group_by: [SLOTH_LABELS.service, SLOTH_LABELS.slo],
      group_wait: '30s',
      group_interval: '5m',
      repeat_interval: '4h',
      routes: [
        {
          receiver: 'scout-portal',
          matchers: [`${SLO_ALERTS.severityLabel}="${SLO_ALERTS.page}"`],
        },
      ],
    },
    receivers: [
      { name: 'slo-tickets' },
      {
        name: 'scout-portal',
        webhook_configs: [
          {
            url: ALERT_WEBHOOK_URL,
            send_resolved: true,
            http_config: {
              authorization: {
                type: 'Bearer',
                credentials_file: ALERT_WEBHOOK_TOKEN_FILE,
              },
            },
          },
        ],
      },
    ],
  };
}
