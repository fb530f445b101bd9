import type { IngestHour } from '@internal/backstage-plugin-scout-client';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatClock } from '@internal/backstage-plugin-scout-react';

// Fixed colours: SVG fill attributes do not resolve the theme's CSS
// variables; these two read on the light and the dark theme.
const ACCEPTED = '#4e8fd9';
const QUARANTINED = '#e07b39';
// "1.2K", "35K", "1.1M": short enough for the axis at any volume.
const compact = new Intl.NumberFormat('en', { notation: 'compact' });

/** Accepted and quarantined transactions per hour, stacked, hours in UTC. */
export function IngestChart(props: { byHour: IngestHour[] }) {
  const data = props.byHour.map(h => ({
    hour: formatClock(h.hour).slice(0, 5),
    accepted: h.accepted,
    quarantined: h.quarantined,
  }));
  return (
    <ResponsiveContainer width="100%" height="100%" minHeight={140}>
      <BarChart
        data={data}
        margin={{ top: 4, right: 4, bottom: 0, left: 0 }}
        accessibilityLayer
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="hour"
          tick={{ fontSize: 11 }}
          interval="preserveStartEnd"
          minTickGap={12}
        />
        <YAxis
          tick={{ fontSize: 11 }}
          allowDecimals={false}
          tickFormatter={(n: number) => compact.format(n)}
          width={40}
        />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar
          dataKey="accepted"
          name="Accepted"
          stackId="ingest"
          fill={ACCEPTED}
        />
        <Bar
          dataKey="quarantined"
          name="Quarantined"
          stackId="ingest"
          fill={QUARANTINED}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
