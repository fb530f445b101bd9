import { groupAssertions } from './quality';

describe('groupAssertions', () => {
  it('groups by producer, dbt first, failures then warnings first', () => {
    const groups = groupAssertions([
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
    ]);
  });

  it('leaves out empty groups', () => {
    expect(
      groupAssertions([{ assertion: 'a', success: true }]).map(g => g.title),
    ).toEqual(['dbt tests']);
    expect(groupAssertions([])).toEqual([]);
  });
});
