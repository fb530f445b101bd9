import type {
  AuditorService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Request } from 'express';
import {
  SLOTH_LABELS,
  type SloDefinition,
} from '@internal/backstage-plugin-slo-common';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type {
  AlertmanagerWebhook,
  AlertsReceived,
} from '../schema/openapi/generated/models';
import type { SloStore } from './SloStore';

type Alert = AlertmanagerWebhook['alerts'][number];

/**
 * Alertmanager's webhook: each alert of a known SLO (its `sloth_id`)
 * becomes a Backstage notification for the SLO's owning group. The
 * notification's scope is the alert (SLO and severity), so the resolved
 * alert updates the same notification instead of adding one. A delivery is
 * claimed in slo_alert_deliveries by fingerprint, start and state first:
 * Alertmanager's retries and repeat_interval resends notify nobody again.
 */
export class AlertReceiver {
  readonly #defs: Map<string, SloDefinition>;
  readonly #store: SloStore;
  readonly #notifications: NotificationService;
  readonly #logger: LoggerService;
  readonly #auditor: AuditorService;

  private constructor(options: {
    defs: SloDefinition[];
    store: SloStore;
    notifications: NotificationService;
    logger: LoggerService;
    auditor: AuditorService;
  }) {
    this.#defs = new Map(options.defs.map(d => [d.id, d]));
    this.#store = options.store;
    this.#notifications = options.notifications;
    this.#logger = options.logger;
    this.#auditor = options.auditor;
  }

  static create(options: {
    defs: SloDefinition[];
    store: SloStore;
    notifications: NotificationService;
    logger: LoggerService;
    auditor: AuditorService;
  }) {
    return new AlertReceiver(options);
  }

  async receive(
    payload: AlertmanagerWebhook,
    request?: Request,
    now = Date.now(),
  ): Promise<AlertsReceived> {
    const event = await this.#auditor.createEvent({
      eventId: 'slo-alerts',
      severityLevel: 'medium',
      request,
      meta: { receiver: payload.receiver, alerts: payload.alerts.length },
    });
    const result: AlertsReceived = { notified: 0, duplicates: 0, ignored: 0 };
    try {
      for (const alert of payload.alerts) {
        const outcome = await this.#one(alert, now);
        result[outcome] += 1;
      }
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
    await event.success({ meta: { ...result } });
    this.#logger.info(
      `slo: ${payload.alerts.length} alert(s) from ${
        payload.receiver ?? 'alertmanager'
      }: ${JSON.stringify(result)}`,
    );
    return result;
  }

  async #one(
    alert: Alert,
    now: number,
  ): Promise<'notified' | 'duplicates' | 'ignored'> {
    const id = alert.labels[SLOTH_LABELS.id];
    const def = id ? this.#defs.get(id) : undefined;
    if (!def) return 'ignored';
    const severity =
      alert.labels.severity ?? alert.labels.sloth_severity ?? 'page';
    const fingerprint =
      alert.fingerprint ??
      Object.entries(alert.labels)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
    const key = `${fingerprint}|${alert.startsAt}|${alert.status}`.slice(
      0,
      255,
    );
    if (!(await this.#store.claimDelivery(key, def.id, alert.status, now))) {
      return 'duplicates';
    }
    const firing = alert.status === 'firing';
    try {
      await this.#notifications.send({
        recipients: { type: 'entity', entityRef: def.owner },
        payload: {
          title: firing
            ? `SLO burning (${severity}): ${def.displayName}`
            : `SLO recovered: ${def.displayName}`,
          description: firing
            ? `${
                def.displayName
              } is spending its error budget too fast (objective ${
                def.objective * 100
              } % over 30 days). ${
                alert.annotations?.summary ?? def.description
              }`
            : `The ${severity} burn-rate alert of ${def.displayName} resolved${
                alert.endsAt ? ` at ${alert.endsAt}` : ''
              }.`,
          link: `/slo/${encodeURIComponent(def.id)}`,
          severity: notificationSeverity(firing, severity),
          topic: `slo:${def.id}`,
          scope: `slo-alert:${def.id}:${severity}`,
        },
      });
    } catch (error) {
      // Alertmanager retries a failed webhook: let the retry notify.
      await this.#store.releaseDelivery(key);
      throw error;
    }
    return 'notified';
  }
}

/** A firing page is critical, a firing ticket high, a resolved alert low. */
function notificationSeverity(
  firing: boolean,
  severity: string,
): 'critical' | 'high' | 'low' {
  if (!firing) return 'low';
  return severity === 'page' ? 'critical' : 'high';
}
