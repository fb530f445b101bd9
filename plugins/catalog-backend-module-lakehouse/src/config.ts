import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';

export type LakehouseProviderConfig = {
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** The portal's address, for the entities' links to the Lakehouse page. */
  appBaseUrl: string;
};

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 15 },
};

/** Reads the provider's config once, with defaults. */
export function readLakehouseProviderConfig(
  config: RootConfigService,
): LakehouseProviderConfig {
  const schedule = config.getOptionalConfig(
    'catalog.providers.lakehouse.schedule',
  );
  return {
    schedule: schedule
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule)
      : DEFAULT_SCHEDULE,
    appBaseUrl: config.getString('app.baseUrl').replace(/\/+$/, ''),
  };
}
