import { Duration } from 'luxon';
import { schedulePeriodSeconds } from './schedulePeriod';

describe('schedulePeriodSeconds', () => {
  const timeout = { minutes: 1 };

  it('reads a human duration and a luxon duration', () => {
    expect(schedulePeriodSeconds({ frequency: { minutes: 15 }, timeout })).toBe(
      900,
    );
    expect(
      schedulePeriodSeconds({
        frequency: Duration.fromObject({ hours: 1, minutes: 30 }),
        timeout,
      }),
    ).toBe(5400);
  });

  it('takes the gap between a cron expression’s next two times', () => {
    expect(
      schedulePeriodSeconds({ frequency: { cron: '*/20 * * * *' }, timeout }),
    ).toBe(1200);
  });

  it('has no period for a manually triggered task', () => {
    expect(
      schedulePeriodSeconds({ frequency: { trigger: 'manual' }, timeout }),
    ).toBeUndefined();
  });
});
