import type {
  AssertionSource,
  QualityAssertion,
} from './graph-transformations';

export type AssertionGroup = {
  source: AssertionSource;
  title: string;
  assertions: QualityAssertion[];
};

const GROUPS: { source: AssertionSource; title: string }[] = [
  { source: 'dbt', title: 'dbt tests' },
  { source: 'great_expectations', title: 'Great Expectations' },
];

const rank = (a: QualityAssertion) => {
  if (!a.success) return 0;
  return a.status === 'warn' ? 1 : 2;
};

/**
 * A dataset's assertions by what ran them, dbt first, each group failures
 * first, then warnings, then passes (sort is stable: the producer's order
 * within each).
 * An assertion without a source is a dbt test: before GX, dbt was the only
 * producer. Empty groups are left out.
 */
export function groupAssertions(
  assertions: QualityAssertion[],
): AssertionGroup[] {
  return GROUPS.map(g => ({
    ...g,
    assertions: assertions
      .filter(a => (a.source ?? 'dbt') === g.source)
      .sort((x, y) => rank(x) - rank(y)),
  })).filter(g => g.assertions.length);
}
