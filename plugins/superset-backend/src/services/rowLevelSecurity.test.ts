import fc from 'fast-check';
import type { RowLevelSecurity } from '../config';
import { guestRowLevelSecurity } from './rowLevelSecurity';

const datasets = [
  { id: 1, name: 'gold.gold_daily_store_sales' },
  { id: 2, name: 'platinum.platinum_product_features' },
];

const rls: RowLevelSecurity = {
  otherwise: '1 = 0',
  rules: [
    { groups: ['group:default/platform-team'] },
    {
      groups: ['group:default/ncr'],
      clause: "region_code = 'NCR'",
      datasets: ['gold.gold_daily_store_sales'],
    },
    {
      groups: ['group:default/visayas'],
      clause: "region_code = 'VII'",
      datasets: ['gold.gold_daily_store_sales'],
    },
  ],
};

describe('guestRowLevelSecurity', () => {
  it('gives a caller no rule matches no rows on any dataset', () => {
    expect(guestRowLevelSecurity(rls, ['user:default/ana'], datasets)).toEqual([
      { dataset: 1, clause: '1 = 0' },
      { dataset: 2, clause: '1 = 0' },
    ]);
  });

  it('lifts the restriction for a rule without a clause', () => {
    expect(
      guestRowLevelSecurity(
        rls,
        ['user:default/ana', 'group:default/platform-team'],
        datasets,
      ),
    ).toEqual([]);
  });

  it('restricts only the datasets a rule covers, and the rest to `otherwise`', () => {
    expect(guestRowLevelSecurity(rls, ['group:default/ncr'], datasets)).toEqual(
      [
        { dataset: 1, clause: "(region_code = 'NCR')" },
        { dataset: 2, clause: '1 = 0' },
      ],
    );
  });

  it('joins the clauses of a member of two teams with OR, in one entry per dataset', () => {
    const [entry] = guestRowLevelSecurity(
      rls,
      ['group:default/ncr', 'group:default/visayas'],
      datasets.slice(0, 1),
    );
    expect(entry).toEqual({
      dataset: 1,
      clause: "(region_code = 'NCR') OR (region_code = 'VII')",
    });
  });

  it('compares refs without case', () => {
    expect(
      guestRowLevelSecurity(rls, ['Group:Default/Platform-Team'], datasets),
    ).toEqual([]);
  });

  it('never gives a dataset more rows than the union of the matching rules allows', () => {
    const groups = ['group:default/a', 'group:default/b', 'group:default/c'];
    const rule = fc.record(
      {
        groups: fc.subarray(groups, { minLength: 1 }),
        clause: fc.constantFrom("x = '1'", "x = '2'"),
        datasets: fc.subarray(
          datasets.map(d => d.name),
          { minLength: 1 },
        ),
      },
      { requiredKeys: ['groups'] },
    );
    fc.assert(
      fc.property(
        fc.array(rule, { maxLength: 5 }),
        fc.subarray(groups),
        (rules, owned) => {
          const out = guestRowLevelSecurity(
            { rules, otherwise: '1 = 0' },
            owned,
            datasets,
          );
          // The entry each dataset should get, by the rules' meaning.
          const expected = datasets.flatMap(({ id, name }) => {
            const covering = rules.filter(
              r =>
                r.groups.some(g => owned.includes(g)) &&
                (!r.datasets || r.datasets.includes(name)),
            );
            if (covering.some(r => r.clause === undefined)) return [];
            const clauses = covering.map(r => `(${r.clause})`);
            return [{ dataset: id, clause: clauses.join(' OR ') || '1 = 0' }];
          });
          expect(out).toEqual(expected);
        },
      ),
    );
  });
});
