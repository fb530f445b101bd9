import { Skeleton, Text } from '@backstage/ui';
import {
  Area,
  AreaChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useSloHistory } from '../../hooks';
import { formatTime } from '@internal/backstage-plugin-scout-react';
import { formatDay, formatPercent } from '../../lib/format';
import { EmptyState, ErrorPanel } from '../common';
import styles from './slo.module.css';

// A fixed colour: SVG fill attributes do not resolve the theme's CSS
// variables; this one reads on the light and the dark theme.
const BUDGET = '#4e8fd9';

/**
 * The remaining error budget over the last 30 days, in percent, as the
 * portal recorded it (a point every slo.history.interval).
 */
export function BudgetChart(props: { id: string; displayName: string }) {
  const history = useSloHistory(props.id, 30);
  const label = `Error budget left over 30 days, ${props.displayName}`;

  if (history.error) {
    return (
      <ErrorPanel
        what={`The budget history of ${props.displayName}`}
        error={history.error}
        onRetry={history.retry}
      />
    );
  }
  if (!history.value) {
    return (
      <Skeleton
        width="100%"
        height={160}
        aria-busy="true"
        aria-label={`Loading ${label}`}
      />
    );
  }
  const points = history.value.points.filter(
    p => p.errorBudgetRemaining !== null,
  );
  if (points.length === 0) {
    const every = Math.round(history.value.intervalSeconds / 60);
    return (
      <EmptyState
        title="No budget history yet"
        description={`The portal records a point every ${every} min once the SLO has data; the 30-day chart fills as it runs.`}
      />
    );
  }
  const data = points.map(p => ({
    at: p.at,
    budget: Number(((p.errorBudgetRemaining ?? 0) * 100).toFixed(2)),
  }));
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <figure className={styles.figure} aria-label={label}>
      <div className={styles.chart}>
        <ResponsiveContainer width="100%" height="100%" minHeight={120}>
          <AreaChart
            data={data}
            margin={{ top: 4, right: 4, bottom: 0, left: 0 }}
            accessibilityLayer
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="at"
              tick={{ fontSize: 11 }}
              tickFormatter={formatDay}
              interval="preserveStartEnd"
              minTickGap={24}
            />
            <YAxis
              tick={{ fontSize: 11 }}
              unit=" %"
              width={52}
              domain={[(min: number) => Math.min(0, Math.floor(min)), 100]}
            />
            <ReferenceLine y={0} stroke="#c9372c" strokeDasharray="4 2" />
            <Tooltip
              labelFormatter={value => formatTime(String(value))}
              formatter={value => [`${value} %`, 'Budget left']}
            />
            <Area
              type="monotone"
              dataKey="budget"
              name="Budget left"
              stroke={BUDGET}
              fill={BUDGET}
              fillOpacity={0.2}
              isAnimationActive={false}
            />
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <Text variant="body-small" color="secondary">
          {points.length === 1
            ? `Budget left: ${formatPercent(
                last.errorBudgetRemaining,
              )} on ${formatTime(last.at)} (1 point so far).`
            : `Budget left: ${formatPercent(
                first.errorBudgetRemaining,
              )} on ${formatTime(first.at)}, ${formatPercent(
                last.errorBudgetRemaining,
              )} on ${formatTime(last.at)} (${points.length} points).`}
        </Text>
      </figcaption>
    </figure>
  );
}
