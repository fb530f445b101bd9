import { numberingProblems, syntaxProblem } from './migrationRules';

const m = (name: string, sql = 'select 1;') => ({ name, sql });
const applied = [m('0001_roles.sql'), m('0002_dimensions.sql')];

describe('numberingProblems', () => {
  it('accepts new migrations numbered on from the applied ones', () => {
    expect(
      numberingProblems(applied, [
        ...applied,
        m('0003_bronze_visits.sql'),
        m('0004_visits_rls.sql'),
      ]),
    ).toEqual([]);
  });

  it.each([
    [
      'an edited applied migration',
      [m('0001_roles.sql', 'drop table x;'), applied[1]],
      /0001_roles\.sql is applied and may not change/,
    ],
    [
      'a removed one',
      [applied[1]],
      /0001_roles\.sql is applied and may not be removed/,
    ],
    [
      'a renamed one',
      [m('0001_all_roles.sql'), applied[1]],
      /0001_roles\.sql is applied and may not be removed/,
    ],
    [
      'a reused number',
      [...applied, m('0002_visits.sql')],
      /0002_visits\.sql reuses number 0002 of 0002_dimensions\.sql/,
    ],
    [
      'a gap',
      [...applied, m('0004_visits.sql')],
      /0004_visits\.sql: numbers run .* expected 0003/,
    ],
    [
      'a bad name',
      [...applied, m('3_Visits.sql')],
      /3_Visits\.sql: a migration is named NNNN_lower_case_words\.sql/,
    ],
  ])('refuses %s', (_, proposed, problem) => {
    expect(numberingProblems(applied, proposed).join('\n')).toMatch(problem);
  });
});

describe('syntaxProblem', () => {
  it('passes SQL that PostgreSQL parses', async () => {
    expect(
      await syntaxProblem(
        m(
          '0003_x.sql',
          'create table bronze.visits (id bigint primary key);\nalter table bronze.visits enable row level security;',
        ),
      ),
    ).toBeUndefined();
  });

  it("names the file, line and column of PostgreSQL's syntax error", async () => {
    expect(
      await syntaxProblem(
        m('0003_x.sql', 'create table t (a int);\nselect from where;'),
      ),
    ).toBe('0003_x.sql:2:13: syntax error at or near "where"');
  });
});
