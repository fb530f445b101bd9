import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * The lakehouse entity provider: one Resource per lakehouse table, read
       * from the lakehouse backend.
       */
      lakehouse?: {
        /**
         * How often the tables are read. Default every 10 minutes, the first
         * read 15 seconds after start.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
