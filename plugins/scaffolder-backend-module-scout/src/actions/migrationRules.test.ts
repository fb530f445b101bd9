import {
  nextNumber,
  numberingProblems,
  overlay,
  syntaxProblem,
} from './migrationRules';

const m = (name: string, sql = 'select 1;') => ({ name, sql });
const applied = [m('0001_roles.sql'), m('0002_dimensions.sql')];

describe('numberingProblems', () => {
  it('accepts new migrations numbered on from the applied ones', () => {
    expect(
      numberingProblems(applied, [
        m('0003_bronze_visits.sql'),
        m('0004_visits_rls.sql'),
      ]),
    ).toEqual([]);
  });

  it('accepts an applied migration repeated unchanged, and no change at all', () => {
    expect(numberingProblems(applied, [applied[0]])).toEqual([]);
    expect(numberingProblems(applied, [])).toEqual([]);
  });

  it.each([
    [
      'an edited applied migration',
      [m('0001_roles.sql', 'drop table x;')],
      /0001_roles\.sql is applied and may not change/,
    ],
    [
      'a reused number',
      [m('0002_visits.sql')],
      /0002_visits\.sql reuses number 0002 of 0002_dimensions\.sql/,
    ],
    [
      'a gap',
      [m('0004_visits.sql')],
      /0004_visits\.sql: numbers run .* expected 0003/,
    ],
    [
      'a bad name',
      [m('3_Visits.sql')],
      /3_Visits\.sql: a migration is named NNNN_lower_case_words\.sql/,
    ],
  ])('refuses %s', (_, changed, problem) => {
    expect(numberingProblems(applied, changed).join('\n')).toMatch(problem);
  });
});

describe('overlay', () => {
  it('lays the changed files over the applied ones, in name order', () => {
    const edited = m('0001_roles.sql', 'select 2;');
    expect(overlay(applied, [m('0003_x.sql'), edited])).toEqual([
      edited,
      applied[1],
      m('0003_x.sql'),
    ]);
  });
});

describe('nextNumber', () => {
  it('is the one after the highest migration, whatever else the folder holds', () => {
    expect(nextNumber(['0002_b.sql', '0001_a.sql', 'README.md'])).toBe('0003');
    expect(nextNumber([])).toBe('0001');
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
