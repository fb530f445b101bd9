import { stringify } from 'yaml';
import { parseSloSpec, parseSloSpecs, SloSpecError } from './load';

type Doc = Record<string, any>;

const ratioDoc = (): Doc => ({
  apiVersion: 'openslo/v1alpha',
  kind: 'SLO',
  metadata: {
    name: 'availability',
    displayName: 'Ingest availability',
    annotations: {
      'scout.io/owner': 'group:default/data-engineering',
      'scout.io/entity': 'component:default/ingest-transaction',
    },
  },
  spec: {
    service: 'ingest-transaction',
    description: 'Requests answered without a 5xx.',
    budgetingMethod: 'Occurrences',
    timeWindows: [{ unit: 'Day', count: 30, isRolling: true }],
    objectives: [
      {
        displayName: 'no 5xx',
        target: 0.999,
        ratioMetrics: {
          counter: true,
          good: {
            source: 'prometheus',
            queryType: 'promql',
            query: 'sum(rate(x_total{status!~"5.."}[{{.window}}]))',
          },
          total: {
            source: 'prometheus',
            queryType: 'promql',
            query: 'sum(rate(x_total[{{.window}}]))',
          },
        },
      },
    ],
  },
});

const sliceDoc = (): Doc => {
  const doc = ratioDoc();
  doc.metadata.name = 'freshness';
  doc.spec.service = 'scout-pg-gold';
  doc.spec.budgetingMethod = 'Timeslices';
  doc.spec.indicator = {
    thresholdMetric: {
      source: 'prometheus',
      queryType: 'promql',
      query: 'time() - max(g_seconds{layer="gold", engine="postgres"})',
    },
  };
  doc.spec.objectives = [{ target: 0.99, op: 'lte', value: 3600 }];
  return doc;
};

describe('parseSloSpec', () => {
  it('reads a request ratio spec into a definition', () => {
    const def = parseSloSpec(
      stringify(ratioDoc()),
      'slos/ingest-transaction-availability.yaml',
    );
    expect(def).toEqual({
      id: 'ingest-transaction-availability',
      service: 'ingest-transaction',
      name: 'availability',
      displayName: 'Ingest availability',
      description: 'Requests answered without a 5xx.',
      objective: 0.999,
      window: '30d',
      owner: 'group:default/data-engineering',
      entity: 'component:default/ingest-transaction',
      alertName: 'IngestTransactionAvailabilitySLOBurn',
      sli: {
        type: 'ratio',
        errorQuery:
          '(sum(rate(x_total[{{.window}}]))) - (sum(rate(x_total{status!~"5.."}[{{.window}}])))',
        totalQuery: 'sum(rate(x_total[{{.window}}]))',
      },
    });
  });

  it('reads a time-slice spec into gauge, labels and threshold', () => {
    const def = parseSloSpec(
      stringify(sliceDoc()),
      'scout-pg-gold-freshness.yaml',
    );
    expect(def.sli).toEqual({
      type: 'timeslice',
      metric: 'g_seconds',
      labels: { layer: 'gold', engine: 'postgres' },
      thresholdSeconds: 3600,
      sliceSeconds: 60,
    });
  });

  const ratio = 'ingest-transaction-availability.yaml';
  const slice = 'scout-pg-gold-freshness.yaml';
  const bad: Array<[string, string, () => string, string, RegExp]> = [
    [
      'another OpenSLO version',
      ratio,
      () => stringify({ ...ratioDoc(), apiVersion: 'openslo/v1' }),
      'apiVersion',
      /openslo\/v1alpha/,
    ],
    [
      'another kind',
      ratio,
      () => stringify({ ...ratioDoc(), kind: 'SLI' }),
      'kind',
      /"SLO"/,
    ],
    [
      'an upper-case name',
      ratio,
      () => stringify(set(ratioDoc(), d => (d.metadata.name = 'Avail'))),
      'metadata.name',
      /lower-case/,
    ],
    [
      'a display name over 63 characters',
      ratio,
      () =>
        stringify(
          set(ratioDoc(), d => (d.metadata.displayName = 'x'.repeat(64))),
        ),
      'metadata.displayName',
      /63/,
    ],
    [
      'no owner annotation',
      ratio,
      () =>
        stringify(
          set(ratioDoc(), d => delete d.metadata.annotations['scout.io/owner']),
        ),
      'metadata.annotations.scout.io/owner',
      /group ref/,
    ],
    [
      'a user as owner',
      ratio,
      () =>
        stringify(
          set(
            ratioDoc(),
            d =>
              (d.metadata.annotations['scout.io/owner'] = 'user:default/maria'),
          ),
        ),
      'metadata.annotations.scout.io/owner',
      /group ref/,
    ],
    [
      'a short entity ref',
      ratio,
      () =>
        stringify(
          set(
            ratioDoc(),
            d => (d.metadata.annotations['scout.io/entity'] = 'ingest-doc'),
          ),
        ),
      'metadata.annotations.scout.io/entity',
      /full ref/,
    ],
    [
      'a week window',
      ratio,
      () =>
        stringify(set(ratioDoc(), d => (d.spec.timeWindows[0].unit = 'Week'))),
      'spec.timeWindows[0].unit',
      /Day/,
    ],
    [
      'a 28-day window',
      ratio,
      () => stringify(set(ratioDoc(), d => (d.spec.timeWindows[0].count = 28))),
      'spec.timeWindows[0].count',
      /30/,
    ],
    [
      'an unknown budgeting method',
      ratio,
      () =>
        stringify(set(ratioDoc(), d => (d.spec.budgetingMethod = 'Events'))),
      'spec.budgetingMethod',
      /Occurrences|Timeslices|Invalid/,
    ],
    [
      'Occurrences without ratioMetrics',
      ratio,
      () =>
        stringify(
          set(ratioDoc(), d => delete d.spec.objectives[0].ratioMetrics),
        ),
      'spec.objectives[0].ratioMetrics',
      /ratioMetrics/,
    ],
    [
      'a target of 99.9 (percent, not ratio)',
      ratio,
      () =>
        stringify(set(ratioDoc(), d => (d.spec.objectives[0].target = 99.9))),
      'spec.objectives[0].target',
      /below 1/,
    ],
    [
      'two objectives',
      ratio,
      () =>
        stringify(
          set(ratioDoc(), d => d.spec.objectives.push(d.spec.objectives[0])),
        ),
      'spec.objectives',
      /exactly one objective/,
    ],
    [
      'a good query without the window placeholder',
      ratio,
      () =>
        stringify(
          set(
            ratioDoc(),
            d =>
              (d.spec.objectives[0].ratioMetrics.good.query =
                'sum(rate(x_total[5m]))'),
          ),
        ),
      'spec.objectives[0].ratioMetrics.good.query',
      /\{\{\.window\}\}/,
    ],
    [
      'a datadog source',
      ratio,
      () =>
        stringify(
          set(
            ratioDoc(),
            d => (d.spec.objectives[0].ratioMetrics.total.source = 'datadog'),
          ),
        ),
      'spec.objectives[0].ratioMetrics.total.source',
      /prometheus/,
    ],
    [
      'Timeslices without an indicator',
      slice,
      () => stringify(set(sliceDoc(), d => delete d.spec.indicator)),
      'spec.indicator',
      /thresholdMetric is required/,
    ],
    [
      'a threshold query of another shape',
      slice,
      () =>
        stringify(
          set(
            sliceDoc(),
            d =>
              (d.spec.indicator.thresholdMetric.query =
                'max(g_seconds) - time()'),
          ),
        ),
      'spec.indicator.thresholdMetric.query',
      /exactly time\(\) - max/,
    ],
    [
      'a regex label matcher',
      slice,
      () =>
        stringify(
          set(
            sliceDoc(),
            d =>
              (d.spec.indicator.thresholdMetric.query =
                'time() - max(g_seconds{engine=~"p.*"})'),
          ),
        ),
      'spec.indicator.thresholdMetric.query',
      /equality only/,
    ],
    [
      'a "gte" threshold',
      slice,
      () => stringify(set(sliceDoc(), d => (d.spec.objectives[0].op = 'gte'))),
      'spec.objectives[0].op',
      /lte/,
    ],
    [
      'a negative threshold',
      slice,
      () => stringify(set(sliceDoc(), d => (d.spec.objectives[0].value = -5))),
      'spec.objectives[0].value',
      /above 0/,
    ],
    [
      'a file not named after its id',
      'availability.yaml',
      () => stringify(ratioDoc()),
      'metadata.name',
      /ingest-transaction-availability\.yaml/,
    ],
    [
      'two documents in one file',
      ratio,
      () => `${stringify(ratioDoc())}---\n${stringify(ratioDoc())}`,
      '(document)',
      /one SLO document per file/,
    ],
    [
      'a duplicate key',
      ratio,
      () => `${stringify(ratioDoc())}kind: SLO\n`,
      'line 30',
      /unique/,
    ],
  ];

  it.each(bad)('refuses %s', (_, file, text, path, reason) => {
    let error: unknown;
    try {
      parseSloSpec(text(), file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SloSpecError);
    const { problems } = error as SloSpecError;
    expect(problems).toContainEqual({
      file,
      path,
      reason: expect.stringMatching(reason),
    });
  });
});

describe('parseSloSpecs', () => {
  it('reads every spec, sorted by id', () => {
    const ids = parseSloSpecs([
      {
        file: 'slos/scout-pg-gold-freshness.yaml',
        text: stringify(sliceDoc()),
      },
      {
        file: 'slos/ingest-transaction-availability.yaml',
        text: stringify(ratioDoc()),
      },
    ]).map(d => d.id);
    expect(ids).toEqual([
      'ingest-transaction-availability',
      'scout-pg-gold-freshness',
    ]);
  });

  it('names every bad file at once', () => {
    expect(() =>
      parseSloSpecs([
        { file: 'slos/a.yaml', text: stringify(ratioDoc()) },
        { file: 'slos/b.yaml', text: 'kind: [' },
      ]),
    ).toThrow(/a\.yaml: metadata\.name: .*\n.*b\.yaml: line 1/);
  });
});

function set(doc: Doc, change: (d: Doc) => unknown): Doc {
  change(doc);
  return doc;
}
