import { loadSloSpecs } from './loadDefinitions';
import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import { join } from 'node:path';
import { matches, parseCounterSum, UnsupportedQueryError } from './promql';

describe('parseCounterSum', () => {
  it('reads every ratio query of the committed specs', async () => {
    const defs = await loadSloSpecs(
      join(repositoryRoot(), 'platform-manifests/observability/slos'),
    );
    const ratio = defs.filter(d => d.sli.type === 'ratio');
    expect(ratio.length).toBeGreaterThanOrEqual(8);
    for (const def of ratio) {
      if (def.sli.type !== 'ratio') continue;
      expect(parseCounterSum(def.sli.totalQuery)).toHaveLength(1);
      const error = parseCounterSum(def.sli.errorQuery);
      expect(error.map(t => t.sign)).toEqual([1, -1]);
    }
  });

  it('keeps signs, metrics and matchers', () => {
    expect(
      parseCounterSum(
        '(sum(rate(a_total{f="x"}[{{.window}}]))) - (sum(rate(a_total{f="x",status!~"5.."}[{{.window}}])) + sum(rate(b_total[{{.window}}])))',
      ),
    ).toEqual([
      {
        sign: 1,
        selector: {
          metric: 'a_total',
          matchers: [{ name: 'f', op: '=', value: 'x' }],
        },
      },
      {
        sign: -1,
        selector: {
          metric: 'a_total',
          matchers: [
            { name: 'f', op: '=', value: 'x' },
            { name: 'status', op: '!~', value: '5..' },
          ],
        },
      },
      { sign: -1, selector: { metric: 'b_total', matchers: [] } },
    ]);
  });

  it('takes the guards of the specs for what the evaluator does anyway', () => {
    const term = (metric: string) => ({
      sign: 1,
      selector: { metric, matchers: [] },
    });
    expect(parseCounterSum('sum(rate(a[{{.window}}])) or vector(0)')).toEqual([
      term('a'),
    ]);
    expect(parseCounterSum('sum(rate(b[{{.window}}])) > 0')).toEqual([
      term('b'),
    ]);
  });

  it.each([
    ['sum(rate(a[{{.window}}])) or vector(1)', 'only + and -'],
    ['sum(rate(a[{{.window}}])) > 1', 'only + and -'],
    ['sum by (f) (rate(a[5m]))', 'sum() without by'],
    ['sum(irate(a[{{.window}}]))', 'only rate()'],
    ['sum(rate(a[{{.window}}])) / sum(rate(b[{{.window}}]))', 'only + and -'],
    ['max(rate(a[{{.window}}]))', 'only sum()'],
    ['rate(a[{{.window}}])', 'FunctionCall is not supported'],
    ['sum(rate(a[{{.window}}])', 'syntax error'],
    ['sum(rate({__name__="a"}[{{.window}}]))', 'metric name'],
  ])('refuses %s with a reason', (query, reason) => {
    expect(() => parseCounterSum(query)).toThrow(UnsupportedQueryError);
    expect(() => parseCounterSum(query)).toThrow(reason);
  });
});

describe('matches', () => {
  it('anchors regexes as PromQL does and treats missing labels as empty', () => {
    const labels = { status: '500', f: 'x' };
    expect(matches([{ name: 'status', op: '=~', value: '5..' }], labels)).toBe(
      true,
    );
    expect(matches([{ name: 'status', op: '=~', value: '5' }], labels)).toBe(
      false,
    );
    expect(matches([{ name: 'status', op: '!~', value: '5..' }], labels)).toBe(
      false,
    );
    expect(matches([{ name: 'le', op: '=', value: '' }], labels)).toBe(true);
    expect(matches([{ name: 'f', op: '!=', value: 'y' }], labels)).toBe(true);
  });
});
