import {
  SLO_ALERTS,
  type SloDefinition,
} from '@internal/backstage-plugin-slo-common';
import { timeSliceGroupName } from './timeSlices.ts';

/**
 * `promtool test rules` files: for every SLO, scenarios of source metrics
 * that burn the error budget just above and just below each alert's factor
 * (page: 14.4× over 1h/5m and 6× over 6h/30m; ticket: 1× over 3d/6h;
 * Sloth's fourth pair, 3× over 1d/2h, is left untested), with
 * the alerts expected at the end. The series are the raw metrics the SLIs
 * read, so a test covers our SLI PromQL and Sloth's rules together.
 */

/**
 * A stretch of minutes burning the budget at `burn` times its rate, with
 * `requests` a minute (default REQUESTS_PER_MINUTE; 0 is an idle stretch).
 */
type Segment = { minutes: number; burn: number; requests?: number };
type Scenario = {
  name: string;
  segments: Segment[];
  /**
   * Every request fails: the good series never exists (a counter nothing
   * incremented), and after an idle stretch the 30-day SLI must read 100 %
   * errors, not NaN (0/0) or nothing.
   */
  outage?: boolean;
  /** How a time-slice SLI places its bad minutes: at the end, or evenly. */
  slices: 'end' | 'spread';
  expect: Array<'page' | 'ticket'>;
};

const SCENARIOS: Scenario[] = [
  {
    name: 'pages at 15x over 1h and 5m',
    segments: [
      { minutes: 360, burn: 0 },
      { minutes: 60, burn: 15 },
    ],
    slices: 'end',
    expect: ['page', 'ticket'],
  },
  {
    name: 'no page at 14x over 1h (the 6h window is at 2.3x)',
    segments: [
      { minutes: 360, burn: 0 },
      { minutes: 60, burn: 14 },
    ],
    slices: 'end',
    expect: ['ticket'],
  },
  {
    name: 'pages at 6.5x over 6h and 30m',
    segments: [{ minutes: 360, burn: 6.5 }],
    slices: 'spread',
    expect: ['page', 'ticket'],
  },
  {
    name: 'no page at 5.5x over 6h',
    segments: [{ minutes: 360, burn: 5.5 }],
    slices: 'spread',
    expect: ['ticket'],
  },
  {
    // 12h of history: the 3d window reads the share over what it has, and
    // a full 3 days would cost 4,320 evaluation steps per test.
    name: 'tickets at 1.1x over 3d (12h of data) and 6h',
    segments: [{ minutes: 720, burn: 1.1 }],
    slices: 'spread',
    expect: ['ticket'],
  },
  {
    name: 'no ticket at 0.9x over 3d (12h of data) and 6h',
    segments: [{ minutes: 720, burn: 0.9 }],
    slices: 'spread',
    expect: [],
  },
  {
    name: 'pages in a total outage after an idle half hour',
    segments: [
      { minutes: 30, burn: 0, requests: 0 },
      { minutes: 60, burn: 0 },
    ],
    outage: true,
    slices: 'end',
    expect: ['page', 'ticket'],
  },
];

const REQUESTS_PER_MINUTE = 60;
// A newest-row timestamp far in the past: every minute it is read is bad.
const ANCIENT = -1_000_000;

const num = (n: number) => Number(n.toFixed(6));

/** A counter from per-minute increments, in promtool's `a+bxn` notation. */
export function counterSeries(increments: readonly number[]): string {
  const parts = ['0'];
  let value = 0;
  for (let i = 0; i < increments.length; ) {
    let j = i;
    while (j < increments.length && increments[j] === increments[i]) j++;
    const step = increments[i];
    parts.push(`${num(value + step)}+${num(step)}x${j - i - 1}`);
    value += step * (j - i);
    i = j;
  }
  return parts.join(' ');
}

/** A timestamp gauge: the current time in good minutes, ANCIENT in bad ones. */
export function gaugeSeries(bad: readonly boolean[]): string {
  const parts = ['0'];
  for (let i = 0; i < bad.length; ) {
    let j = i;
    while (j < bad.length && bad[j] === bad[i]) j++;
    const start = bad[i] ? ANCIENT : (i + 1) * 60;
    parts.push(`${start}+${bad[i] ? 0 : 60}x${j - i - 1}`);
    i = j;
  }
  return parts.join(' ');
}

// Bad minutes of a segment: round(share × minutes), at its end or spaced
// evenly with the last one at the end.
function badMinutes(segment: Segment, share: number, how: 'end' | 'spread') {
  const count = Math.round(share * segment.minutes);
  const bad = new Array<boolean>(segment.minutes).fill(false);
  for (let k = 0; k < count; k++) {
    const back = how === 'end' ? k : Math.round((k * segment.minutes) / count);
    bad[segment.minutes - 1 - back] = true;
  }
  return bad;
}

type Series = { series: string; values: string };

// The raw metrics each request SLO reads; a new SLO needs a row here.
const REQUEST_INPUTS: Array<{
  test: RegExp;
  series: (
    id: string,
    fn: string,
  ) => { good: string; total: string } | { good: string; bad: string };
}> = [
  {
    test: /^(ingest-transaction|ingest-doc|embed-batch)-availability$/,
    series: (_, fn) => ({
      good: `scout_function_requests_total{function="${fn}",status="200"}`,
      bad: `scout_function_requests_total{function="${fn}",status="500"}`,
    }),
  },
  {
    test: /^(ingest-transaction|ingest-doc|embed-batch)-latency$/,
    series: (_, fn) => ({
      good: `scout_function_request_duration_seconds_bucket{function="${fn}",le="2"}`,
      total: `scout_function_request_duration_seconds_count{function="${fn}"}`,
    }),
  },
  {
    test: /^scout-portal-api-latency$/,
    series: () => ({
      good: 'scout_http_request_duration_seconds_bucket{plugin="catalog",method="GET",status="200",le="2"}',
      total:
        'scout_http_request_duration_seconds_count{plugin="catalog",method="GET",status="200"}',
    }),
  },
  {
    test: /^scout-portal-lakehouse-browse-latency$/,
    series: () => ({
      good: 'lakehouse_request_duration_seconds_bucket{route="/catalogs",method="GET",status="200",le="0.3"}',
      total:
        'lakehouse_request_duration_seconds_count{route="/catalogs",method="GET",status="200"}',
    }),
  },
];

// The share of bad events (or minutes) in a segment.
const share = (scenario: Scenario, segment: Segment, budget: number) =>
  scenario.outage && segment.requests !== 0 ? 1 : segment.burn * budget;

function inputSeries(def: SloDefinition, scenario: Scenario): Series[] {
  const budget = 1 - def.objective;
  if (def.sli.type === 'timeslice') {
    const bad = scenario.segments.flatMap(s =>
      badMinutes(s, share(scenario, s, budget), scenario.slices),
    );
    const labels = Object.entries(def.sli.labels)
      .map(([k, v]) => `${k}="${v}"`)
      .join(',');
    return [
      { series: `${def.sli.metric}{${labels}}`, values: gaugeSeries(bad) },
    ];
  }
  const input = REQUEST_INPUTS.find(i => i.test.test(def.id));
  if (!input) {
    throw new Error(
      `no promtool test input for SLO ${def.id}: add its metrics to REQUEST_INPUTS in packages/scout-cli/src/slo/promtoolTests.ts`,
    );
  }
  const minutes = scenario.segments.flatMap(s =>
    new Array<{ requests: number; share: number }>(s.minutes).fill({
      requests: s.requests ?? REQUESTS_PER_MINUTE,
      share: share(scenario, s, budget),
    }),
  );
  const names = input.series(def.id, def.service);
  const other =
    'bad' in names
      ? {
          series: names.bad,
          values: counterSeries(minutes.map(m => m.requests * m.share)),
        }
      : {
          series: names.total,
          values: counterSeries(minutes.map(m => m.requests)),
        };
  const good = {
    series: names.good,
    values: counterSeries(minutes.map(m => m.requests * (1 - m.share))),
  };
  return scenario.outage ? [other] : [good, other];
}

// After an outage, the 30-day SLI of a request SLO reads 100 % errors.
function outageSliTest(def: SloDefinition, evalTime: string) {
  const labels = {
    scout_entity: def.entity,
    scout_owner: def.owner,
    sloth_id: def.id,
    sloth_service: def.service,
    sloth_slo: def.name,
    sloth_window: '30d',
  };
  const selector = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
  return {
    expr: `slo:sli_error:ratio_rate30d{sloth_id="${def.id}"}`,
    eval_time: evalTime,
    exp_samples: [
      { labels: `slo:sli_error:ratio_rate30d{${selector}}`, value: 1 },
    ],
  };
}

function expectedAlert(def: SloDefinition, severity: 'page' | 'ticket') {
  return {
    exp_labels: {
      [SLO_ALERTS.severityLabel]: severity,
      sloth_severity: severity,
      sloth_id: def.id,
      sloth_service: def.service,
      sloth_slo: def.name,
      scout_owner: def.owner,
      scout_entity: def.entity,
    },
    exp_annotations: {
      summary: `${def.displayName}: ${def.description}`,
      title: `(${severity}) ${def.service} ${def.name} SLO error budget burn rate is too fast.`,
    },
  };
}

/**
 * The promtool test file of one service's SLOs (a YAML-ready object), over
 * its rule files (names under generated/prometheus).
 */
export function promtoolTestFile(
  ruleFiles: readonly string[],
  definitions: readonly SloDefinition[],
) {
  return {
    rule_files: ruleFiles.map(f => `../generated/prometheus/${f}`),
    // Time slices are recorded once a minute.
    evaluation_interval: '1m',
    // promtool's default group order is not stable: record the minute's
    // slice, then the SLIs, then the alerts, all in the same step.
    group_eval_order: [
      ...(definitions.some(d => d.sli.type === 'timeslice')
        ? [timeSliceGroupName(definitions[0].service)]
        : []),
      ...['sli-recordings', 'meta-recordings', 'alerts'].flatMap(kind =>
        definitions.map(d => `sloth-slo-${kind}-${d.id}`),
      ),
    ],
    tests: definitions.flatMap(def =>
      SCENARIOS.map(scenario => {
        const minutes = scenario.segments.reduce((n, s) => n + s.minutes, 0);
        return {
          name: `${def.id}: ${scenario.name}`,
          interval: '1m',
          input_series: inputSeries(def, scenario),
          alert_rule_test: [
            {
              eval_time: `${minutes}m`,
              alertname: def.alertName,
              exp_alerts: scenario.expect.map(s => expectedAlert(def, s)),
            },
          ],
          ...(scenario.outage && def.sli.type !== 'timeslice'
            ? { promql_expr_test: [outageSliTest(def, `${minutes}m`)] }
            : {}),
        };
      }),
    ),
  };
}
