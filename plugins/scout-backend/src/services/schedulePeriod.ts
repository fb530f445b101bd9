import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { CronTime } from 'cron';

/**
 * Seconds between two runs of a task scheduled with `schedule`: its
 * frequency, or for a cron expression the gap between its next two times.
 * Undefined for a manually triggered task, which has no period.
 */
export function schedulePeriodSeconds(
  schedule: SchedulerServiceTaskScheduleDefinition,
): number | undefined {
  const { frequency } = schedule;
  if ('trigger' in frequency) return undefined;
  if ('cron' in frequency) {
    const [next, after] = new CronTime(frequency.cron).sendAt(2);
    return after.diff(next).as('seconds');
  }
  // A luxon Duration, or a HumanDuration such as { minutes: 15 }.
  if ('toMillis' in frequency) return frequency.toMillis() / 1000;
  return durationToMilliseconds(frequency as HumanDuration) / 1000;
}
