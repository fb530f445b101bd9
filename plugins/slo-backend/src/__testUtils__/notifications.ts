import {
  createServiceFactory,
  type ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  notificationService,
  type NotificationSendOptions,
} from '@backstage/plugin-notifications-node';

/** What the plugin sends to the notifications backend. */
export function recordingNotifications(): {
  sent: NotificationSendOptions[];
  factory: ServiceFactory;
} {
  const sent: NotificationSendOptions[] = [];
  return {
    sent,
    factory: createServiceFactory({
      service: notificationService,
      deps: {},
      factory: () => ({
        send: async (options: NotificationSendOptions) => {
          sent.push(options);
        },
      }),
    }),
  };
}
