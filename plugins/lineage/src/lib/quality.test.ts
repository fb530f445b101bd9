import { groupAssertions } from './quality';

describe('groupAssertions', () => {
  it('groups by producer, dbt first, failures then warnings first', () => {
    const soda = 'https://github.com/sodadata/soda-core';
    const groups = groupAssertions([
      { assertion: 'soda_fail', success: false, source: soda },
      { assertion: 'spark_pass', success: true, source: 'spark://x' },
      { assertion: 'gx_pass', success: true, source: 'great_expectations' },
      { assertion: 'dbt_pass', success: true },
      { assertion: 'dbt_warn', success: true, status: 'warn', source: 'dbt' },
      { assertion: 'gx_fail', success: false, source: 'great_expectations' },
      { assertion: 'dbt_fail', success: false, source: 'dbt' },
    ]);
    expect(
      groups.map(g => [g.title, g.assertions.map(a => a.assertion)]),
    ).toEqual([
      ['dbt tests', ['dbt_fail', 'dbt_warn', 'dbt_pass']],
      ['Great Expectations', ['gx_fail', 'gx_pass']],
      // Other producers after, by their URI.
      [`Checks from ${soda}`, ['soda_fail']],
      ['Checks from spark://x', ['spark_pass']],
    ]);
  });

  it('leaves out empty groups', () => {
    expect(
      groupAssertions([{ assertion: 'a', success: true }]).map(g => g.title),
    ).toEqual(['dbt tests']);
    expect(groupAssertions([])).toEqual([]);
  });
});
